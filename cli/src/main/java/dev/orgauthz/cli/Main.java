package dev.orgauthz.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code orgauthz} command. Each subcommand is a class of its own, listed in {@code
 * subcommands} below; a subcommand writes to {@code spec.commandLine().getOut()} and throws {@link
 * CommandFailure} for an input the user must fix.
 *
 * <p>Exit status: 0 when the command succeeded, 1 when it ran and found a failure (for {@code
 * cases}, a case that did not match), 2 when it could not run (bad usage, unreadable input).
 */
@Command(
    name = "orgauthz",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    usageHelpWidth = 100,
    description = {
      "Answers AWS authorization questions offline for an AWS organization: service control"
          + " policies, resource control policies, IAM Identity Center permission sets and the IAM"
          + " policy language."
    },
    subcommands = {
      CheckCommand.class,
      ExplainCommand.class,
      PortalCommand.class,
      WhoCanCommand.class,
      WhatCanCommand.class,
      ImpactCommand.class,
      ImportCommand.class,
      ValidateCommand.class,
      TestCommand.class,
      CasesCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  orgauthz check --user bob --action ec2:TerminateInstances --account UAT",
      "  orgauthz portal --user bob",
      "  orgauthz cases test-fixtures/src/test/resources/conformance/cases",
      "  orgauthz cases --help",
      "",
      "Exit status: 0 success, 1 a failed check, 2 bad usage or unreadable input."
    })
public final class Main implements Callable<Integer> {
  @Option(names = "--debug", description = "Print the stack trace of an error.")
  boolean debug;

  @Spec CommandSpec spec;

  private Main() {}

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // The JSON Schema validator logs through SLF4J; without a provider, SLF4J warns on stderr.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given output, and returns its exit status.
   *
   * @param out where results go
   * @param err where errors go
   * @param args the arguments
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          CommandLine at = e.getCommandLine();
          String command = at.getCommandSpec().qualifiedName();
          at.getErr()
              .println(
                  command + ": " + lowerFirst(e.getMessage()) + ": see `" + command + " --help`");
          if (main.debug) {
            e.printStackTrace(at.getErr());
          }
          return CommandFailure.EXIT_STATUS;
        });
    cli.setExecutionExceptionHandler(
        (e, at, parseResult) -> {
          String command = at.getCommandSpec().qualifiedName();
          if (e instanceof CommandFailure) {
            at.getErr().println(command + ": " + e.getMessage());
          } else {
            at.getErr()
                .println(command + ": internal error: " + e + ": rerun with `--debug` for details");
          }
          if (main.debug) {
            e.printStackTrace(at.getErr());
          }
          return CommandFailure.EXIT_STATUS;
        });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  private static String lowerFirst(String message) {
    String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.isEmpty()
        ? line
        : line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"orgauthz " + (version != null ? version : "(development build)")};
    }
  }
}
