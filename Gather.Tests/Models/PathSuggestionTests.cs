using Gather.Infrastructure.Models;

namespace Gather.Tests.Models;

/// <summary>The suggestion an unknown path gets: the closest known path by edit distance, only when it is close.</summary>
public sealed class PathSuggestionTests
{
    [Theory]
    [InlineData("status", "status", 0)]
    [InlineData("stauts", "status", 1)] // two neighbours swapped: one edit
    [InlineData("amout", "amount", 1)]
    [InlineData("amountt", "amount", 1)]
    [InlineData("amoumt", "amount", 1)]
    [InlineData("stripe_charge", "stripe_charge_id", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: a swapped pair is not edited again
    public void Distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, PathSuggestion.Distance(a, b));
        Assert.Equal(expected, PathSuggestion.Distance(b, a));
    }

    [Fact]
    public void Distance_stops_early_past_its_limit_with_a_number_above_it()
    {
        Assert.True(PathSuggestion.Distance("customer.address.city", "amount", 2) > 2);
        Assert.True(PathSuggestion.Distance("abcdef", "uvwxyz", 1) > 1);
        Assert.Equal(1, PathSuggestion.Distance("stauts", "status", 1));
    }

    [Theory]
    [InlineData("stripeCharge.stauts", "stripeCharge.status")]
    [InlineData("amout", "amount")]
    [InlineData("Amount", "amount")] // case alone differs: always the suggestion
    [InlineData("stripe_charge", "stripe_charge_id")]
    [InlineData("stripe_chargeid", "stripe_charge_id")]
    [InlineData("adress.city", "address.city")]
    public void The_closest_known_path_is_suggested(string typed, string expected)
    {
        string[] known = ["id", "amount", "status", "stripe_charge_id", "address", "address.city", "stripeCharge.status", "stripeCharge.amount"];

        Assert.Equal(expected, PathSuggestion.Closest(typed, known));
    }

    [Theory]
    [InlineData("x")] // one letter: one edit allowed, and every known path is further
    [InlineData("zzz")]
    [InlineData("anything")]
    [InlineData("customer_email")]
    public void A_path_far_from_every_known_one_gets_no_suggestion(string typed)
    {
        string[] known = ["id", "amount", "status", "stripe_charge_id", "address.city"];

        Assert.Null(PathSuggestion.Closest(typed, known));
    }

    [Fact]
    public void On_a_tie_the_first_known_path_wins_and_a_nearer_one_later_still_beats_it()
    {
        Assert.Equal("cat", PathSuggestion.Closest("bat", ["cat", "hat"]));
        Assert.Equal("status", PathSuggestion.Closest("stauts", ["statues", "status"]));
    }

    [Theory]
    [InlineData("a", 1)]
    [InlineData("amout", 1)]
    [InlineData("stauts", 2)]
    [InlineData("stripe_charge", 4)]
    [InlineData("a_very_long_field_name_indeed", PathSuggestion.MaxDistance)]
    public void The_allowed_distance_grows_with_the_path_up_to_a_cap(string typed, int allowed) =>
        Assert.Equal(allowed, PathSuggestion.AllowedDistance(typed));
}
