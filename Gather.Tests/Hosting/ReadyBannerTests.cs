using Gather.Api.Hosting;

namespace Gather.Tests.Hosting;

/// <summary>The ready line names addresses a person can open, not the wildcard the server binds.</summary>
public sealed class ReadyBannerTests
{
    [Theory]
    [InlineData("http://localhost:5000", "http://localhost:5000")]
    [InlineData("http://[::]:5000", "http://localhost:5000")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://+:80", "http://localhost:80")]
    [InlineData("http://*:5080", "http://localhost:5080")]
    [InlineData("https://127.0.0.1:5001", "https://127.0.0.1:5001")]
    public void A_wildcard_binding_reads_as_localhost(string bound, string shown) =>
        Assert.Equal(shown, ReadyBanner.Openable(bound));
}
