package org.footdrop.stack;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How every command of the project treats its arguments: picocli parses them, with the same exits. */
public final class CommandLines {

    /** What a shell expects of a command called wrongly (as picocli's own {@code execute} returns). */
    public static final int USAGE_ERROR = 2;

    private CommandLines() {}

    /** {@code -h, --help}, for every command: {@code @Mixin CommandLines.Help help;} */
    public static final class Help {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "this help")
        boolean requested;
    }

    /**
     * Parses {@code args} into {@code commandLine}'s command and turns it into options. {@code --help} prints
     * the usage and exits 0; an unknown option, a missing or bad value prints what was wrong and the usage and
     * exits {@value #USAGE_ERROR}.
     *
     * @param options reads the parsed command; it may throw a {@link ParameterException} too
     */
    public static <T> T parseOrExit(CommandLine commandLine, String[] args, Function<CommandLine, T> options) {
        try {
            if (CommandLine.printHelpIfRequested(commandLine.parseArgs(args))) {
                System.exit(0);
            }
            return options.apply(commandLine);
        } catch (ParameterException e) {
            commandLine.getErr().println(e.getMessage());
            commandLine.usage(commandLine.getErr());
            System.exit(USAGE_ERROR);
            throw e; // not reached
        }
    }
}
