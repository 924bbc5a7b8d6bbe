package dev.modelarts.local.config;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** A usage error in the operator's words: the source of the bad value, and a guess at the intended option. */
public final class UsageErrors {

    private UsageErrors() {
    }

    /**
     * The option a mistyped one was meant to be ({@code --port} for {@code --prot}), for the
     * usage error's "did you mean"; empty when none is near.
     */
    public static Optional<String> meant(CommandLine.UnmatchedArgumentException unmatched) {
        List<String> options = unmatched.getCommandLine().getCommandSpec().options().stream()
                .flatMap(o -> Arrays.stream(o.names())).toList();
        return unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("-"))
                .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
                .flatMap(arg -> NearestName.among(arg, options).stream()).findFirst();
    }

    /**
     * The message of a usage error, naming the environment variable when the bad value came
     * from there: the operator never typed the option picocli names.
     */
    public static String describe(ParameterException error, String... args) {
        String message = error.getMessage();
        if (!(error.getArgSpec() instanceof OptionSpec option)) {
            return message;
        }
        boolean typed = Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
        Optional<String> variable = environmentVariable(option);
        if (typed || variable.isEmpty()) {
            return message;
        }
        return message.replace("option '" + option.longestName() + "'", "environment variable " + variable.get())
                + " (" + variable.get() + " sets " + option.longestName() + ")";
    }

    /** The variable in the option's declared default ({@code ${env:NAME}}); picocli keeps only its value. */
    private static Optional<String> environmentVariable(OptionSpec option) {
        // the option's method (ServerCommandLine's options are an annotated interface) or field
        if (!(option.userObject() instanceof AnnotatedElement element) || element.getAnnotation(Option.class) == null) {
            return Optional.empty();
        }
        String declared = element.getAnnotation(Option.class).defaultValue(); // ${env:NAME} or ${env:NAME:-fallback}
        if (!declared.startsWith("${env:") || !declared.endsWith("}")) {
            return Optional.empty();
        }
        String name = declared.substring("${env:".length(), declared.length() - 1);
        return Optional.of(name.contains(":-") ? name.substring(0, name.indexOf(":-")) : name);
    }
}
