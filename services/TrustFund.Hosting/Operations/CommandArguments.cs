namespace TrustFund.Hosting.Operations;

/// <summary>A command line of positional words, <c>--name value</c> options and <c>--flag</c> switches; anything else is a usage error.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly List<string> positional = [];

    private CommandArguments()
    {
    }

    public IReadOnlyList<string> Positional => positional;

    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> knownOptions, IReadOnlyCollection<string> knownFlags)
    {
        var parsed = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (knownFlags.Contains(arg))
            {
                parsed.flags.Add(arg);
            }
            else if (knownOptions.Contains(arg))
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]) || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{arg} needs a value.");
                }
                if (!parsed.options.TryAdd(arg, args[++i]))
                {
                    throw new UsageException($"{arg} is given twice.");
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unknown option {arg}.");
            }
            else
            {
                parsed.positional.Add(arg);
            }
        }
        return parsed;
    }

    public string? Option(string name) => options.GetValueOrDefault(name);

    public string Required(string name, string why) => Option(name) ?? throw new UsageException($"{name} is required: {why}.");

    public bool Flag(string name) => flags.Contains(name);

    /// <summary>The one message id the command acts on, or null for <c>--all</c> where that is allowed.</summary>
    public Guid? Target(int index, bool allowAll)
    {
        var all = allowAll && Flag("--all");
        var given = positional.Count > index ? positional[index] : null;
        if (all && given is not null)
        {
            throw new UsageException("Give a message id or --all, not both.");
        }
        if (all)
        {
            return null;
        }
        if (given is null)
        {
            throw new UsageException(allowAll ? "Give a message id or --all." : "Give a message id.");
        }
        return Guid.TryParse(given, out var id) ? id : throw new UsageException($"'{given}' is not a message id (a UUID).");
    }

    public void NoMoreThan(int count)
    {
        if (positional.Count > count)
        {
            throw new UsageException($"Unexpected argument '{positional[count]}'.");
        }
    }
}

/// <summary>The command line was wrong: the command did nothing and exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The command was understood but could not be carried out (nothing to act on, say): exit code 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
