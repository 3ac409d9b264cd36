using SmbAgent;
using SmbAgent.HttpApi.Hosting;
using SmbAgent.HttpApi.Operations;
using SmbAgent.HttpApi.Voice.Simulator;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSmbAgentApplication(builder.Configuration);
builder.Services.AddSmbAgentEntityFrameworkCore(builder.Configuration);
builder.AddApiHost();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.MigrateDatabaseAsync();
    return;
}

if (OpsVerbs.Find(args) is { } opsVerb)
{
    Environment.ExitCode = await OpsVerbs.RunAsync(opsVerb, app.Services, args, Console.Out, CancellationToken.None);
    return;
}

if (args.Contains(CallSimulatorOptions.Verb))
{
    Environment.ExitCode = await CallSimulatorVerb.RunAsync(app.Services, args, Console.Out, Console.In);
    return;
}

if (BusinessOperationVerbs.Handles(args))
{
    Environment.ExitCode = await BusinessOperationVerbs.RunAsync(app.Services, args, Console.Out);
    return;
}

app.UseApiHost();
app.MapApiEndpoints();

await app.RunAsync();

public partial class Program;
