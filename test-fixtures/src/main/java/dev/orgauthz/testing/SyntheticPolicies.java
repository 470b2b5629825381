package dev.orgauthz.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy texts of {@link SyntheticOrganization}: the real actions of fifty services (from the
 * action catalog that core bundles), the service control policy templates and the inline policies
 * of team permission sets. The actions do not depend on the seed, so requests can be drawn from
 * them for any generated organization.
 */
final class SyntheticPolicies {
  /** Service prefixes of the catalog. */
  static final List<String> SERVICES =
      words(
          "ec2 s3 iam lambda dynamodb rds sqs sns cloudwatch logs kms secretsmanager ssm "
              + "ecs ecr eks cloudformation cloudtrail config guardduty securityhub route53 "
              + "elasticloadbalancing autoscaling glue athena kinesis firehose states events "
              + "apigateway cognito-idp elasticache redshift sagemaker backup "
              + "elasticfilesystem acm wafv2 inspector2 access-analyzer codebuild codepipeline "
              + "codecommit elasticmapreduce organizations sso account support ce");

  /** Services whose actions are global: region locks exempt them with {@code NotAction}. */
  static final List<String> GLOBAL_SERVICES =
      words(
          "account aws-portal billing budgets ce cloudfront cur globalaccelerator health "
              + "iam identitystore organizations payments route53 route53domains shield sso "
              + "sts support tax trustedadvisor waf");

  /** Regions a request may name; the first ones are the commonly approved ones. */
  static final List<String> REGIONS =
      words(
          "us-east-1 eu-west-1 us-west-2 eu-central-1 us-east-2 eu-west-2 ap-southeast-2 "
              + "ap-northeast-1 ca-central-1 sa-east-1");

  /** Services an application team works with. */
  static final List<String> APPLICATION_SERVICES =
      words(
          "lambda dynamodb sqs sns s3 logs cloudwatch ecs ecr states events apigateway "
              + "kinesis cloudformation ssm elasticache glue");

  /** Where core keeps its bundled action catalog (real action names, by service prefix). */
  private static final String CATALOG = "/dev/orgauthz/catalog/action-catalog.json";

  /** Every action of the catalog's {@link #SERVICES}, service by service, as AWS names them. */
  static final List<String> ACTIONS;

  /** The read actions (Describe, Get, List, BatchGet) of {@link #ACTIONS}. */
  static final List<String> READ_ACTIONS;

  private static final Set<String> READ_SET;

  private static final Map<String, List<String>> BY_SERVICE;

  static {
    JsonNode services;
    try (InputStream in = SyntheticPolicies.class.getResourceAsStream(CATALOG)) {
      if (in == null) {
        throw new IllegalStateException("the action catalog " + CATALOG + " is missing");
      }
      services = JsonMapper.builder().build().readTree(in).path("services");
    } catch (IOException e) {
      throw new UncheckedIOException("the action catalog " + CATALOG + " cannot be read", e);
    }
    List<String> all = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    Map<String, List<String>> byService = new HashMap<>();
    for (String service : SERVICES) {
      List<String> actions = new ArrayList<>();
      for (JsonNode name : services.path(service).path("actions")) {
        String action = service + ":" + name.asString();
        actions.add(action);
        if (name.asString().matches("(Describe|Get|List|BatchGet).*")) {
          reads.add(action);
        }
      }
      all.addAll(actions);
      byService.put(service, List.copyOf(actions));
    }
    ACTIONS = List.copyOf(all);
    READ_ACTIONS = List.copyOf(reads);
    READ_SET = Set.copyOf(reads);
    BY_SERVICE = Map.copyOf(byService);
  }

  private SyntheticPolicies() {}

  private static List<String> words(String text) {
    return List.of(text.split(" "));
  }

  // ---- building JSON

  /** A JSON array of strings. */
  static String array(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append('"').append(values.get(i)).append('"');
    }
    return out.append(']').toString();
  }

  /** A policy document of the statements given (each a JSON object). */
  static String document(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  /** A statement; {@code condition} is the JSON object of the Condition element, or empty. */
  static String statement(
      String sid, String effect, String actionKey, String actions, String resource, String cond) {
    return "{\"Sid\":\""
        + sid
        + "\",\"Effect\":\""
        + effect
        + "\",\""
        + actionKey
        + "\":"
        + actions
        + ",\"Resource\":"
        + resource
        + (cond.isEmpty() ? "" : ",\"Condition\":" + cond)
        + "}";
  }

  private static String allow(String sid, List<String> actions, String resource, String cond) {
    return statement(sid, "Allow", "Action", array(actions), resource, cond);
  }

  private static String deny(String sid, List<String> actions, String resource, String cond) {
    return statement(sid, "Deny", "Action", array(actions), resource, cond);
  }

  private static List<String> wildcards(List<String> services) {
    List<String> out = new ArrayList<>();
    for (String service : services) {
      out.add(service + ":*");
    }
    return out;
  }

  /** The actions of the catalog whose service is one of those given, service by service. */
  static List<String> actionsOf(List<String> services, boolean readOnly) {
    List<String> out = new ArrayList<>();
    for (String service : services) {
      for (String action : BY_SERVICE.getOrDefault(service, List.of())) {
        if (!readOnly || READ_SET.contains(action)) {
          out.add(action);
        }
      }
    }
    return out;
  }

  /** A random subset of {@code count} values, in the order of the list. */
  static List<String> pick(Random random, List<String> values, int count) {
    List<String> out = new ArrayList<>();
    int needed = Math.min(count, values.size());
    for (int i = 0; i < values.size() && needed > 0; i++) {
      if (random.nextInt(values.size() - i) < needed) {
        out.add(values.get(i));
        needed--;
      }
    }
    return out;
  }

  // ---- service control policies

  /** An SCP template rendered with its parameters: a base name and the text. */
  record Scp(String name, String text) {}

  /**
   * The distinct SCP documents of an organization: a few dozen, as in a real organization, where
   * hundreds of policies share them. The first ones are the root's guardrails.
   */
  static List<Scp> scpPool(Random random, String orgId) {
    List<Scp> pool = new ArrayList<>();
    pool.add(new Scp("DenyLeaveOrganization", denyLeave()));
    pool.add(new Scp("RegionLock", regionLock(List.of("us-east-1", "eu-west-1"), "Platform")));
    pool.add(new Scp("ProtectSecurityServices", protectSecurityServices("SecurityTeam")));
    pool.add(new Scp("DenyRootUser", denyRootUser()));
    pool.add(new Scp("DenyAll", document(deny("DenyEverything", List.of("*"), "\"*\"", ""))));
    for (int i = 0; i < 4; i++) {
      List<String> allowed = new ArrayList<>(List.of("sts:*", "iam:Get*", "iam:List*"));
      allowed.addAll(wildcards(pick(random, APPLICATION_SERVICES, 6 + i * 2)));
      pool.add(
          new Scp("AllowListedServices", document(allow("AllowListed", allowed, "\"*\"", ""))));
    }
    for (int i = 0; i < 6; i++) {
      List<String> regions = pick(random, REGIONS.subList(0, 6), 1 + random.nextInt(3));
      pool.add(new Scp("RegionLock", regionLock(regions, i % 2 == 0 ? "Platform" : "Network")));
    }
    for (int i = 0; i < 10; i++) {
      List<String> services = pick(random, SERVICES, 3 + random.nextInt(6));
      pool.add(
          new Scp(
              "DenyServices", document(deny("DenyServices", wildcards(services), "\"*\"", ""))));
    }
    for (String key : List.of("CostCenter", "Owner", "Project", "Environment")) {
      pool.add(new Scp("RequireTag" + key, requireTag(key)));
    }
    for (String role : List.of("BreakGlass", "Platform", "Operations")) {
      pool.add(new Scp("ProtectTaggedResources", protectTagged(role)));
      pool.add(new Scp("ProtectSecurityServices", protectSecurityServices(role)));
    }
    pool.add(new Scp("ProtectTagKeys", protectTagKeys()));
    pool.add(new Scp("RequireMfa", requireMfa()));
    pool.add(new Scp("DenyIamUsers", denyIamUsers()));
    pool.add(new Scp("RequireImdsV2", requireImdsV2()));
    pool.add(new Scp("InstanceTypes", instanceTypes(List.of("t3.*", "m6i.*"))));
    pool.add(new Scp("InstanceTypes", instanceTypes(List.of("t3.*", "m6i.*", "c6i.*", "r6i.*"))));
    pool.add(new Scp("DataPerimeter", dataPerimeter(orgId)));
    return pool;
  }

  private static String denyLeave() {
    return document(
        deny("DenyLeaveOrganization", List.of("organizations:LeaveOrganization"), "\"*\"", ""));
  }

  private static String regionLock(List<String> regions, String exemptRole) {
    return document(
        statement(
            "DenyOutsideApprovedRegions",
            "Deny",
            "NotAction",
            array(wildcards(GLOBAL_SERVICES)),
            "\"*\"",
            "{\"StringNotEquals\":{\"aws:RequestedRegion\":"
                + array(regions)
                + "},\"ArnNotLike\":{\"aws:PrincipalArn\":"
                + array(
                    List.of(
                        "arn:aws:iam::*:role/aws-reserved/*AWSReservedSSO_AdministratorAccess_*",
                        "arn:aws:iam::*:role/" + exemptRole + "*"))
                + "}}"));
  }

  private static String protectSecurityServices(String exemptRole) {
    return document(
        deny(
            "ProtectSecurityServices",
            List.of(
                "cloudtrail:StopLogging",
                "cloudtrail:DeleteTrail",
                "cloudtrail:UpdateTrail",
                "guardduty:DeleteDetector",
                "guardduty:DisassociateFromMasterAccount",
                "config:StopConfigurationRecorder",
                "config:DeleteConfigurationRecorder",
                "securityhub:DisableSecurityHub",
                "access-analyzer:DeleteAnalyzer"),
            "\"*\"",
            "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/" + exemptRole + "*\"}}"));
  }

  private static String denyRootUser() {
    return document(
        deny(
            "DenyRootUser",
            List.of("*"),
            "\"*\"",
            "{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}"));
  }

  private static String requireTag(String key) {
    return document(
        deny(
            "Require" + key + "OnCreate",
            List.of(
                "ec2:RunInstances",
                "ec2:CreateVolume",
                "rds:CreateDBInstance",
                "elasticfilesystem:CreateFileSystem"),
            array(
                List.of(
                    "arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:*:*:volume/*",
                    "arn:aws:rds:*:*:db:*", "arn:aws:elasticfilesystem:*:*:file-system/*")),
            "{\"Null\":{\"aws:RequestTag/" + key + "\":\"true\"}}"));
  }

  private static String protectTagged(String exemptRole) {
    return document(
        deny(
            "ProtectTaggedResources",
            List.of(
                "ec2:TerminateInstances",
                "ec2:StopInstances",
                "ec2:DeleteVolume",
                "rds:DeleteDBInstance",
                "s3:DeleteBucket",
                "dynamodb:DeleteTable"),
            "\"*\"",
            "{\"StringEquals\":{\"aws:ResourceTag/Protected\":\"true\"},"
                + "\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/"
                + exemptRole
                + "*\"}}"));
  }

  private static String protectTagKeys() {
    return document(
        deny(
            "ProtectGovernanceTags",
            List.of("ec2:CreateTags", "ec2:DeleteTags", "tag:TagResources", "tag:UntagResources"),
            "\"*\"",
            "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"CostCenter\",\"Owner\"]},"
                + "\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Platform*\"}}"));
  }

  private static String requireMfa() {
    return document(
        deny(
            "DenyDestructiveWithoutMfa",
            List.of(
                "ec2:TerminateInstances",
                "ec2:DeleteVolume",
                "ec2:DeleteSnapshot",
                "rds:DeleteDBInstance",
                "rds:DeleteDBCluster",
                "s3:DeleteBucket"),
            "\"*\"",
            "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}"));
  }

  private static String denyIamUsers() {
    return document(
        deny(
            "NoLongLivedCredentials",
            List.of(
                "iam:CreateUser",
                "iam:CreateAccessKey",
                "iam:CreateLoginProfile",
                "iam:UpdateLoginProfile"),
            "\"*\"",
            ""));
  }

  private static String requireImdsV2() {
    return document(
        deny(
            "RequireImdsV2",
            List.of("ec2:RunInstances"),
            "\"arn:aws:ec2:*:*:instance/*\"",
            "{\"StringNotEquals\":{\"ec2:MetadataHttpTokens\":\"required\"}}"));
  }

  private static String instanceTypes(List<String> allowed) {
    return document(
        deny(
            "ApprovedInstanceTypes",
            List.of("ec2:RunInstances"),
            "\"arn:aws:ec2:*:*:instance/*\"",
            "{\"StringNotLike\":{\"ec2:InstanceType\":" + array(allowed) + "}}"));
  }

  private static String dataPerimeter(String orgId) {
    return document(
        deny(
            "OnlyResourcesOfTheOrganization",
            List.of("s3:GetObject", "s3:PutObject", "sqs:SendMessage", "sns:Publish"),
            "\"*\"",
            "{\"StringNotEqualsIfExists\":{\"aws:ResourceOrgID\":\"" + orgId + "\"}}"));
  }

  /** The resource control policy that only principals of the organization reach its data. */
  static String orgOnlyRcp(String orgId) {
    return document(
        "{\"Sid\":\"EnforceSecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":[\"s3:*\",\"sqs:*\",\"kms:*\",\"secretsmanager:*\"],\"Resource\":\"*\","
            + "\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}}",
        "{\"Sid\":\"OrganizationOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":[\"s3:*\",\"sqs:*\",\"kms:*\",\"secretsmanager:*\"],\"Resource\":\"*\","
            + "\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\""
            + orgId
            + "\"},\"BoolIfExists\":{\"aws:PrincipalIsAWSService\":\"false\"}}}");
  }

  // ---- team permission sets

  /** The inline policy of a team's developers: the team's services, ABAC on instances. */
  static String developer(String team, List<String> services) {
    return document(
        allow("TeamServices", wildcards(services), "\"*\"", ""),
        allow(
            "ManageInstancesOfTheTeam",
            List.of(
                "ec2:StartInstances",
                "ec2:StopInstances",
                "ec2:RebootInstances",
                "ec2:TerminateInstances"),
            "\"arn:aws:ec2:*:*:instance/*\"",
            "{\"StringEquals\":{\"aws:ResourceTag/Team\":\"${aws:PrincipalTag/Team}\"}}"),
        allow(
            "PassTeamRoles", List.of("iam:PassRole"), "\"arn:aws:iam::*:role/" + team + "/*\"", ""),
        allow(
            "ReadSecretsOfTheCostCenter",
            List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"),
            "\"*\"",
            "{\"StringEquals\":{\"aws:ResourceTag/CostCenter\":"
                + "\"${aws:PrincipalTag/CostCenter}\"}}"),
        deny("NoIamUsers", List.of("iam:CreateUser", "iam:CreateAccessKey"), "\"*\"", ""));
  }

  /** The inline policy of a team's deployers: explicit actions in the team's regions. */
  static String deployer(List<String> actions, List<String> regions) {
    return document(
        allow(
            "DeployInTeamRegions",
            actions,
            "\"*\"",
            "{\"StringEquals\":{\"aws:RequestedRegion\":" + array(regions) + "}}"),
        allow(
            "TagWithOwnTeam",
            List.of("ec2:CreateTags"),
            "\"*\"",
            "{\"StringEquals\":{\"aws:RequestTag/Team\":\"${aws:PrincipalTag/Team}\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":"
                + "[\"Team\",\"Name\",\"Environment\"]},"
                + "\"Null\":{\"aws:TagKeys\":\"false\"}}"));
  }

  /** The inline policy laid over ReadOnlyAccess for a team's readers. */
  static String reader(String team) {
    return document(
        deny(
            "NoSecretsNorRestrictedData",
            List.of("secretsmanager:GetSecretValue", "s3:GetObject"),
            array(
                List.of(
                    "arn:aws:secretsmanager:*:*:secret:*",
                    "arn:aws:s3:::" + team + "-restricted-*/*")),
            ""));
  }

  /** The inline policy of a team's data engineers: their buckets, analytics in one region. */
  static String dataEngineer(String team, String region) {
    return document(
        allow(
            "TeamBuckets",
            List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject"),
            array(
                List.of("arn:aws:s3:::" + team + "-data-*", "arn:aws:s3:::" + team + "-data-*/*")),
            ""),
        allow(
            "AnalyticsInHomeRegion",
            List.of("glue:*", "athena:*", "kinesis:*", "firehose:*"),
            "\"*\"",
            "{\"StringEquals\":{\"aws:RequestedRegion\":\"" + region + "\"}}"),
        allow(
            "ObjectsOfTheCostCenter",
            List.of("s3:GetObject"),
            "\"*\"",
            "{\"StringEquals\":{\"s3:ExistingObjectTag/CostCenter\":"
                + "\"${aws:PrincipalTag/CostCenter}\"}}"));
  }
}
