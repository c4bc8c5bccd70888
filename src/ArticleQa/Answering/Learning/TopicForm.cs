namespace ArticleQa.Answering.Learning;

/// <summary>The broad question about a name a question is worded as (<see cref="TextFeatures.TopicFormOf"/>), as a feature value.</summary>
internal enum TopicForm
{
    None = 0,
    ArticlesSayAbout = 1,
    HappenedIn = 2,
    WhoIs = 3,
    WhatIs = 4,
}
