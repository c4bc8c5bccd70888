using Microsoft.Extensions.Options;

namespace ArticleBot.Storage;

/// <summary>PostgreSQL needs its connection string; the message names the key.</summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider == StorageProvider.PostgreSQL && string.IsNullOrWhiteSpace(configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            ? ValidateOptionsResult.Fail($"Storage:Provider is PostgreSQL but {StorageOptions.ConnectionStringKey} is empty (e.g. ConnectionStrings__ArticleBot=\"Host=db;Username=bot;Password=...;Database=articlebot\").")
            : ValidateOptionsResult.Success;
}
