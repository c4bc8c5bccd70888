namespace ArticleQa.Answering.Learning;

/// <summary>The question's leading wh-word, as a feature value (a small ordinal the tree models split on).</summary>
internal enum QuestionWord
{
    Other = 0,
    What = 1,
    Which = 2,
    Who = 3,
    When = 4,
    Where = 5,
    Why = 6,
    HowMuch = 7,
    How = 8,
}
