using SmbAgent;
using SmbAgent.HttpApi.Hosting;

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

app.UseApiHost();
app.MapApiEndpoints();

await app.RunAsync();

public partial class Program;
