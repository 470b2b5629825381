package dev.orgauthz.cli;

import dev.orgauthz.Snapshot;
import dev.orgauthz.SnapshotError;
import dev.orgauthz.SnapshotValidation;
import dev.orgauthz.Snapshots;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.org.Organization;
import dev.orgauthz.policy.Finding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz validate}: checks an export or a snapshot file and lists what is wrong. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Checks an AWS CLI export directory or a snapshot file: every file against its JSON Schema,"
          + " every reference (assignments, policy targets, memberships, managed policies), then"
          + " the model. Prints each error (what keeps it from being read, with file, JSON pointer"
          + " and fix) and each finding (what AWS accepts but is suspicious: an unknown action or"
          + " condition key, a large SCP, a customer managed policy that cannot be resolved)."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz validate org-export",
      "  error: organizations/list-targets-for-policy/p-1234abcd.json at /Targets/0/TargetId:"
          + " policy `DenyLeave` is attached to `ou-ab12-gone0000`, which is not in the"
          + " organization's tree: ...",
      "  1 error, 0 findings",
      "",
      "Exit status: 0 no error (findings allowed), 1 errors found, 2 bad usage or a path that"
          + " does not exist."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "An AWS CLI export directory or a snapshot file.")
  Path path = Path.of(".");

  @Option(names = "--json", description = "Print the errors and findings as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(path)) {
      spec.commandLine()
          .getErr()
          .println(
              spec.qualifiedName()
                  + ": `"
                  + path
                  + "` does not exist: pass an export directory or a snapshot file");
      spec.commandLine().getErr().flush();
      return 2;
    }
    SnapshotValidation validation = Snapshots.validate(path);
    if (json) {
      out.println(json(validation));
    } else {
      for (SnapshotError error : validation.errors()) {
        out.println("error: " + error);
      }
      for (Finding finding : validation.findings()) {
        out.println("finding: " + finding);
      }
      int errors = validation.errors().size();
      int findings = validation.findings().size();
      out.println(
          (errors == 1 ? "1 error, " : errors + " errors, ")
              + (findings == 1 ? "1 finding" : findings + " findings")
              + (validation.snapshot() == null ? "" : " in " + summary(validation.snapshot())));
    }
    out.flush();
    return validation.valid() ? 0 : 1;
  }

  private static ObjectNode json(SnapshotValidation validation) {
    ObjectNode root = DecisionJson.JSON.createObjectNode().put("valid", validation.valid());
    ArrayNode errors = root.putArray("errors");
    for (SnapshotError error : validation.errors()) {
      errors
          .addObject()
          .put("file", error.file())
          .put("pointer", error.pointer())
          .put("message", error.message());
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : validation.findings()) {
      findings
          .addObject()
          .put("code", finding.code())
          .put("source", finding.source())
          .put("pointer", finding.pointer())
          .put("message", finding.message());
    }
    return root;
  }

  /** What a snapshot holds, in one line. */
  static String summary(Snapshot snapshot) {
    Organization org = snapshot.organization();
    StringBuilder out =
        new StringBuilder("organization ")
            .append(org.id())
            .append(" with ")
            .append(count(org.accounts().size(), "account"))
            .append(", ")
            .append(count(org.organizationalUnits().size(), "organizational unit"))
            .append(", ")
            .append(count(org.policies().size(), "SCP and RCP", "SCPs and RCPs"));
    IdentityCenter center = snapshot.identityCenter().orElse(null);
    if (center != null) {
      out.append("; Identity Center with ")
          .append(count(center.users().size(), "user"))
          .append(", ")
          .append(count(center.groups().size(), "group"))
          .append(", ")
          .append(count(center.permissionSets().size(), "permission set"))
          .append(", ")
          .append(count(center.assignments().size(), "assignment"));
    }
    return out.toString();
  }

  private static String count(int n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
