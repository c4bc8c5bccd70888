using ArticleQa.Text;

namespace ArticleQa.Tests.Text;

public sealed class QuotationsTests
{
    // Two paragraphs of the seed article, as a passage holds them.
    private const string Passage =
        "“In general, we agree that this could be the basis for future agreements,” Putin told reporters during a visit to Bishkek, Kyrgyzstan. “However, it would be inappropriate for me to speak now of any final versions, as these do not exist.”\n\n"
        + "The initial US draft was altered during talks between US and Ukrainian officials in Geneva, but the exact changes are unclear. Putin said that he understood that the officials “decided among themselves that all these 28 points should be divided into four separate components. All of this was passed on to us.”";

    private const string Europe =
        "The Russian leader also said it was “ridiculous” that Russia was being asked to commit to not attacking Europe since it has no plans to do so. “We never had any such intentions. But if they want to have it formalized, let’s do it, no problem,” he said.";

    [Theory]
    // A sentence that opens a quotation the next sentence closes takes that sentence with it.
    [InlineData(Passage, "Putin said that he understood that the officials “decided among themselves that all these 28 points should be divided into four separate components.", "Putin said that he understood that the officials “decided among themselves that all these 28 points should be divided into four separate components. All of this was passed on to us.”")]
    // ... and one that closes a quotation the sentence before opened, the other way.
    [InlineData(Europe, "But if they want to have it formalized, let’s do it, no problem,” he said.", "“We never had any such intentions. But if they want to have it formalized, let’s do it, no problem,” he said.")]
    [InlineData(Europe, "“We never had any such intentions.", "“We never had any such intentions. But if they want to have it formalized, let’s do it, no problem,” he said.")]
    // Whole quotations, sentences without any and quotations in the middle stay as they are; the quote does not reach into the next paragraph.
    [InlineData(Passage, "“However, it would be inappropriate for me to speak now of any final versions, as these do not exist.”", "“However, it would be inappropriate for me to speak now of any final versions, as these do not exist.”")]
    [InlineData(Passage, "The initial US draft was altered during talks between US and Ukrainian officials in Geneva, but the exact changes are unclear.", "The initial US draft was altered during talks between US and Ukrainian officials in Geneva, but the exact changes are unclear.")]
    [InlineData(Europe, "The Russian leader also said it was “ridiculous” that Russia was being asked to commit to not attacking Europe since it has no plans to do so.", "The Russian leader also said it was “ridiculous” that Russia was being asked to commit to not attacking Europe since it has no plans to do so.")]
    // Straight quotes are followed the same way.
    [InlineData("He said \"we agree. It is done.\" Then he left.", "He said \"we agree.", "He said \"we agree. It is done.\"")]
    public void Whole_SentenceOfText_TheWholeQuotation(string text, string sentence, string expected)
    {
        Assert.Equal(expected, Quotations.Whole(text, sentence));
    }

    [Fact]
    public void Whole_NotEarlier_OnlyTheRestOfTheQuotation()
    {
        // Reading on from "We never had any such intentions.", already shown, the quote's start is not shown again.
        const string Sentence = "But if they want to have it formalized, let’s do it, no problem,” he said.";

        Assert.Equal("“" + Sentence, Quotations.Whole(Europe, Sentence, earlier: false));
        Assert.Equal("“We never had any such intentions. But if they want to have it formalized, let’s do it, no problem,” he said.", Quotations.Whole(Europe, "“We never had any such intentions.", earlier: false));
    }

    [Fact]
    public void Whole_QuotationLongerThanTheLimit_TheMissingMarkAdded()
    {
        var longQuote = "“Signing documents with the Ukrainian leadership is pointless. I have emphasized this on many occasions. As a result, the president lost his legitimate status,” Putin said.";

        Assert.Equal("“Signing documents with the Ukrainian leadership is pointless.”", Quotations.Whole(longQuote, "“Signing documents with the Ukrainian leadership is pointless."));
        Assert.Equal("“As a result, the president lost his legitimate status,” Putin said.", Quotations.Whole(longQuote, "As a result, the president lost his legitimate status,” Putin said."));
    }

    [Theory]
    [InlineData("“We never had any such intentions.", "“We never had any such intentions.”")]
    [InlineData("no problem,” he said.", "“no problem,” he said.")]
    [InlineData("He called it “ridiculous.”", "He called it “ridiculous.”")]
    public void Whole_SentenceNotInTheText_MarksBalanced(string sentence, string expected)
    {
        Assert.Equal(expected, Quotations.Whole("Some other text.", sentence));
    }

    [Fact]
    public void Whole_WidenedTooFar_StaysWithinTheLength()
    {
        var sentences = string.Join(" ", Enumerable.Range(0, 3).Select(i => new string('a', 200) + i + "."));
        var text = "“" + sentences + "” he said.";
        var first = "“" + new string('a', 200) + "0.";

        var whole = Quotations.Whole(text, first);

        Assert.Equal(first + "”", whole);
        Assert.True(whole.Length <= Quotations.MaxLength);
    }
}
