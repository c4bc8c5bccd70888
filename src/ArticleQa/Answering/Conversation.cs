namespace ArticleQa.Answering;

/// <summary>
/// The earlier turns of one conversation that follow-up questions are read against. The one place that decides what
/// is recorded (the answers the user got, abstentions included; not the apology for a model that failed, which says
/// nothing about the articles), how many turns are kept (<c>Answering:HistoryTurns</c>) and which are carried
/// forward. The bot keeps one per conversation in its state; <c>chat</c> and <c>eval</c> keep one per session.
/// </summary>
public sealed class Conversation
{
    /// <summary>The recorded turns, oldest first (public for state serialization).</summary>
    public List<ConversationTurn> Turns { get; set; } = [];

    /// <summary>Forgets every turn (the <c>reset</c> command).</summary>
    public void Clear() => Turns.Clear();

    /// <summary>The turns a new question is read against: the last <paramref name="keep"/>.</summary>
    internal IReadOnlyList<ConversationTurn> Recent(int keep) => Turns.TakeLast(keep).ToList();

    /// <summary>Records the answer the user got to <paramref name="question"/> and trims to the last <paramref name="keep"/> turns.</summary>
    internal void Record(string question, Answer answer, int keep)
    {
        if (answer.Failed)
        {
            return;
        }

        string? subject = null;
        string? saidBefore = null;
        if (Turns.Count > 0 && QuestionWording.AsksForMoreAlone(question))
        {
            // What the run said, without its "The articles don't say more about that." (which would only grow it).
            var last = Turns[^1];
            var run = QuestionWording.AsksForMoreAlone(last.Question);
            subject = run ? last.Subject : last.Question;
            string?[] said = [run ? last.SaidBefore : null, last.Answer is Answer.NotCovered or Answer.NoMore ? null : last.Answer];
            saidBefore = said.Any(s => s is not null) ? string.Join(" ", said.OfType<string>()) : null;
        }

        Turns.Add(new ConversationTurn(question.Trim(), answer.Text, answer.Citations.Select(c => c.PassageId).ToList(), subject, saidBefore));
        if (Turns.Count > keep)
        {
            Turns.RemoveRange(0, Turns.Count - keep);
        }
    }
}
