namespace FirstLine.Dialogs.Engine;

/// <summary>The dialogs a <see cref="DialogContext"/> can start, by id.</summary>
public class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    public IEnumerable<Dialog> All => dialogs.Values;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string id) => dialogs.GetValueOrDefault(id);
}
