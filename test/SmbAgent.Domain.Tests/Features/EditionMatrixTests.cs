using SmbAgent.Features;

namespace SmbAgent.Domain.Tests.Features;

public sealed class EditionMatrixTests
{
    [Fact]
    public void Every_edition_sets_every_feature_with_a_valid_value()
    {
        foreach (var edition in EditionMatrix.Editions)
        {
            edition.Values.Keys.ShouldBe(SmbFeatureDefinitions.All.Select(f => f.Name), ignoreOrder: true);
            foreach (var (name, value) in edition.Values)
            {
                SmbFeatureDefinitions.Get(name).ValueType.IsValid(value).ShouldBeTrue($"{edition.Name} {name}={value}");
            }
        }
    }

    [Theory]
    [InlineData(SmbFeatures.Leads.MaxQuestions, "5", "0", "0")]
    [InlineData(SmbFeatures.Chat.MaxConversationsPerMonth, "100", "2000", "0")]
    [InlineData(SmbFeatures.Notifications.Sms, "false", "true", "true")]
    [InlineData(SmbFeatures.Voice.Agent, "false", "false", "true")]
    [InlineData(SmbFeatures.Voice.MaxMinutesPerMonth, "0", "0", "1000")]
    [InlineData(SmbFeatures.Analytics.Level, "basic", "basic", "full")]
    [InlineData(SmbFeatures.Platform.ApiAccess, "false", "false", "true")]
    public void Matches_the_product_matrix(string feature, string free, string basic, string pro)
    {
        string Value(string edition) => EditionMatrix.Editions.Single(e => e.Name == edition).Values[feature];

        Value(EditionMatrix.Free).ShouldBe(free);
        Value(EditionMatrix.Basic).ShouldBe(basic);
        Value(EditionMatrix.Pro).ShouldBe(pro);
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("-1", false)]
    [InlineData("1e3", false)]
    [InlineData("", false)]
    public void Number_values_are_validated(string value, bool valid) =>
        FeatureValueType.Number(0, 1000).IsValid(value).ShouldBe(valid);
}
