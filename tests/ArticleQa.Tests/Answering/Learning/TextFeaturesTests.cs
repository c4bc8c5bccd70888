using ArticleQa.Answering.Learning;

namespace ArticleQa.Tests.Answering.Learning;

public sealed class TextFeaturesTests
{
    [Theory]
    [InlineData("Who will travel to Moscow?", "travel,moscow")]
    [InlineData("How many points were in the first draft?", "point,were,first,draft")]
    [InlineData("Who is he?", "")]
    public void ContentTerms_Question_DropsQuestionAndStopWords(string question, string expected)
    {
        Assert.Equal(expected, string.Join(",", TextFeatures.ContentTerms(question)));
    }

    [Theory]
    [InlineData("a:1,b:3", "b", 0.75)]
    [InlineData("a:1,b:3", "a,b", 1.0)]
    [InlineData("a:1,b:3", "c", 0.0)]
    [InlineData("", "a", 0.0)]
    public void WeightedCoverage_Weights_ShareOfWeightPresent(string weights, string terms, double expected)
    {
        var w = weights.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, TextFeatures.WeightedCoverage(w, terms.Split(',').ToHashSet()), 6);
    }

    [Theory]
    [InlineData("peace plan draft", "the peace plan was a draft", 0.5)]
    [InlineData("peace plan draft", "plan peace draft", 0.0)]
    [InlineData("peace", "peace", 0.0)]
    [InlineData("peace plan", "a peace plan", 1.0)]
    public void BigramOverlap_Terms_ShareOfAdjacentPairs(string question, string sentence, double expected)
    {
        Assert.Equal(expected, TextFeatures.BigramOverlap(question.Split(' '), sentence.Split(' ')), 6);
    }

    [Theory]
    [InlineData("What did Zelensky say to Putin?", "Putin spoke in Bishkek.", 0.5)]
    [InlineData("What did Putin say?", "putin spoke.", 0.0)]
    [InlineData("what did he say?", "Putin spoke.", 0.0)]
    // A proper adjective is there when the text names what it stands for.
    [InlineData("Who is the American envoy?", "Trump's envoy met the US delegation.", 0.0)]
    [InlineData("Who is the American envoy?", "Trump's envoy met us.", 1.0)]
    [InlineData("Which Swiss city hosted the talks?", "Talks were held in Geneva.", 0.0)] // a part of Switzerland
    [InlineData("Which Swiss city hosted the talks?", "Talks were held in Vienna.", 1.0)]
    [InlineData("What did the French envoy tell Putin?", "Putin met the US envoy.", 0.5)]
    public void MissingNames_Question_ShareOfNamesAbsent(string question, string text, double expected)
    {
        Assert.Equal(expected, TextFeatures.MissingNames(question, text), 6);
    }

    [Theory]
    [InlineData("Who is the American envoy?", "the US envoy", 0)]
    [InlineData("who is the american envoy?", "the US envoy", 0)] // typed in lower case
    [InlineData("Who is the American envoy?", "the envoy", 1)]   // american: no source names the US
    [InlineData("Who is the French envoy?", "the US envoy", 1)]
    [InlineData("Who is the envoy's aide?", "the envoy", 1)]     // aide
    public void UnknownTerms_ProperAdjective_KnownWhenTheTextNamesWhatItStandsFor(string question, string text, int expected)
    {
        var known = ArticleQa.Text.TermAnalyzer.Analyze(text).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected, TextFeatures.UnknownTerms(question, TextFeatures.ContentTerms(question), known, text));
    }

    [Theory]
    [InlineData("Was the 28-point plan cut to 19 points?", "The plan had 28 points.", 1)]
    [InlineData("Did the plan have 28 points?", "The plan had 280 points.", 1)]
    [InlineData("Did the plan have twenty points?", "It had twenty points.", 0)]
    [InlineData("Who wrote it?", "It had 28 points.", 0)]
    public void MissingNumbers_Question_CountsNumbersAbsent(string question, string text, int expected)
    {
        Assert.Equal(expected, TextFeatures.MissingNumbers(question, text));
    }

    [Theory]
    [InlineData("Who did not attend?", "Putin attended.", 1)]
    [InlineData("Who didn't attend?", "Putin never attended.", 0)]
    [InlineData("Who attended?", "Nobody attended.", 1)]
    [InlineData("Who attended?", "Putin attended.", 0)]
    public void NegationMismatch_Texts_OneWhenExactlyOneIsNegated(string question, string sentence, int expected)
    {
        Assert.Equal(expected, TextFeatures.NegationMismatch(question, sentence));
    }

    [Theory]
    [InlineData("plan,draft", "plan,draft,geneva,talk", 0.5)]
    [InlineData("plan", "plan", 0.0)]
    [InlineData("plan", "", 0.0)]
    public void NovelShare_Terms_ShareNotInQuestion(string question, string sentence, double expected)
    {
        var sentenceTerms = sentence.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, TextFeatures.NovelShare(question.Split(',').ToHashSet(), sentenceTerms), 6);
    }

    [Theory]
    [InlineData("Who is the author?", "Who")]
    [InlineData("How many points were there?", "HowMuch")]
    [InlineData("How did Putin describe it?", "How")]
    [InlineData("In which city was Putin?", "Which")]
    [InlineData("Has a final text been written?", "Other")]
    [InlineData("When did the talks start?", "When")]
    public void WordOf_Question_LeadingWhWord(string question, string expected)
    {
        Assert.Equal(expected, TextFeatures.WordOf(question).ToString());
    }

    [Theory]
    [InlineData("What do the articles say about Geneva?", "ArticlesSayAbout")]
    [InlineData("What do the articles say about the United Nations?", "ArticlesSayAbout")]
    [InlineData("What happened in Bishkek?", "HappenedIn")]
    [InlineData("Who is Steve Witkoff?", "WhoIs")]
    [InlineData("  who is Witkoff ? ", "WhoIs")]
    [InlineData("What is NATO?", "WhatIs")]
    [InlineData("What is the House of Tides?", "WhatIs")]
    // Not about a name, or not one of those wordings: SQuAD's own questions.
    [InlineData("Who is the author?", "None")]
    [InlineData("What is the capital of France?", "None")]
    [InlineData("What happened in the war?", "None")]
    [InlineData("What did Putin say about Europe?", "None")]
    [InlineData("Who is going to Moscow?", "None")]
    [InlineData("What do the articles say about the elections?", "None")]
    [InlineData("What do the articles say about Russia's GDP?", "None")]
    [InlineData("What happened in 1973-1974?", "None")]
    [InlineData("What is Vision 2030?", "WhatIs")]
    public void TopicFormOf_Question_TheBroadWordingAboutAName(string question, string expected)
    {
        Assert.Equal(expected, TextFeatures.TopicFormOf(question).ToString());
    }
}
