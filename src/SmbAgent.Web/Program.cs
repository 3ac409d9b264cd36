using SmbAgent;
using SmbAgent.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSmbAgentApplication(builder.Configuration);
builder.Services.AddSmbAgentEntityFrameworkCore(builder.Configuration);
builder.AddWebHost();

var app = builder.Build();

app.UseWebHost();
app.MapWebEndpoints();

await app.RunAsync();

public partial class Program;
