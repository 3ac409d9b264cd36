using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Voice.Speech;

namespace SmbAgent.Voice.Calls;

/// <summary>
/// Downloads a voicemail from Twilio (with the line's credentials, from Twilio's host only, size-bounded), has OpenAI
/// transcribe it, and makes it the call's lead. A failed try is queued again after a growing delay; after the last
/// one, or when the recording can't be fetched at all, the lead carries Twilio's transcript instead, so a voicemail
/// is never lost.
/// </summary>
/// <remarks>
/// The job retries by queueing its next attempt itself rather than by throwing into Hangfire's retries: the number
/// of tries and their spacing are then this feature's configuration, and the last failure still ends in a lead.
/// </remarks>
public sealed partial class VoicemailTranscriptionJob(
    CallLogManager calls,
    CallRecordingSource recordings,
    SpeechTranscriber transcriber,
    VoicemailManager voicemails,
    IBackgroundJobManager jobs,
    IOptions<SpeechOptions> options,
    ILogger<VoicemailTranscriptionJob> logger) : IBackgroundJob<TranscribeVoicemailArgs>
{
    public async Task ExecuteAsync(TranscribeVoicemailArgs args, CancellationToken cancellationToken)
    {
        if (await calls.FindAsync(args.CallSid, cancellationToken) is not { } log || log.LeadId is not null)
        {
            return;
        }

        string? transcript = null;
        try
        {
            transcript = await TranscribeAsync(log.Id, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var speech = options.Value;
            if (args.Attempt < speech.TranscriptionAttempts)
            {
                LogRetrying(logger, e, args.CallSid, args.Attempt);
                jobs.Enqueue(args with { Attempt = args.Attempt + 1 }, speech.TranscriptionRetryDelay * args.Attempt);
                return;
            }

            LogGaveUp(logger, e, args.CallSid, args.Attempt);
        }

        await voicemails.CompleteTranscriptionAsync(args.CallSid, transcript, cancellationToken);
    }

    /// <summary>OpenAI's transcript; null when the recording can't be fetched (retrying would not change that).</summary>
    private async Task<string?> TranscribeAsync(Guid callId, CancellationToken cancellationToken)
    {
        using var download = await recordings.OpenAsync(callId, cancellationToken);
        if (download is null)
        {
            LogNoRecording(logger, callId);
            return null;
        }

        var limit = options.Value.MaxRecordingBytes;
        if (download.Length > limit)
        {
            throw new InvalidOperationException($"The recording is {download.Length} bytes, more than the {limit} sent for transcription.");
        }

        using var audio = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await download.Content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (audio.Length + read > limit)
            {
                throw new InvalidOperationException($"The recording is more than the {limit} bytes sent for transcription.");
            }

            audio.Write(buffer, 0, read);
        }

        audio.Position = 0;
        return await transcriber.TranscribeAsync(audio, "voicemail.mp3", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcribing the voicemail of call {CallSid} failed (attempt {Attempt}); trying again later")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string callSid, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcribing the voicemail of call {CallSid} failed for good after {Attempt} attempts; its lead carries Twilio's transcript")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string callSid, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The voicemail of call {CallId} could not be fetched from Twilio; its lead carries Twilio's transcript")]
    private static partial void LogNoRecording(ILogger logger, Guid callId);
}
