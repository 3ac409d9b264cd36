namespace SmbAgent.Data;

public interface IDataSeeder
{
    Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken = default);
}
