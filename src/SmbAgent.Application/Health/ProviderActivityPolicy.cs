using System.ClientModel.Primitives;

namespace SmbAgent.Health;

/// <summary>Reports each OpenAI request's outcome to <see cref="ProviderActivity"/>; added to the SDK's pipeline per call.</summary>
public sealed class ProviderActivityPolicy(ProviderActivity activity) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        try
        {
            ProcessNext(message, pipeline, currentIndex);
        }
        catch (Exception e)
        {
            activity.RecordFailure(ProviderActivity.OpenAI, e.GetType().Name);
            throw;
        }

        Record(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        try
        {
            await ProcessNextAsync(message, pipeline, currentIndex);
        }
        catch (Exception e)
        {
            activity.RecordFailure(ProviderActivity.OpenAI, e.GetType().Name);
            throw;
        }

        Record(message);
    }

    /// <summary>Options with the recorder in their pipeline.</summary>
    public static T AddTo<T>(T options, ProviderActivity activity) where T : ClientPipelineOptions
    {
        options.AddPolicy(new ProviderActivityPolicy(activity), PipelinePosition.PerCall);
        return options;
    }

    private void Record(PipelineMessage message)
    {
        if (message.Response is { IsError: false })
        {
            activity.RecordSuccess(ProviderActivity.OpenAI);
        }
        else
        {
            activity.RecordFailure(ProviderActivity.OpenAI, $"HTTP {message.Response?.Status}");
        }
    }
}
