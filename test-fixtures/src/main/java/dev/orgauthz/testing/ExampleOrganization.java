package dev.orgauthz.testing;

import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The example organization of the product brief, built in code: usable in tests, as the default
 * organization of the command line, and in benchmarks.
 *
 * <pre>
 * Root (r-ex12)                                 FullAWSAccess, DenyLeaveOrganization,
 * |                                             RegionRestriction
 * +-- Management      111111111111  (management account)
 * +-- Security        ou-ex12-security
 * |   +-- Log Archive 222222222222
 * |   +-- Audit       333333333333
 * +-- Workloads       ou-ex12-workloads
 * |   +-- Production  444444444444                RequireMfaForDestructiveActions
 * |   +-- Staging     555555555555
 * |   +-- Testing     ou-ex12-testingou            ProtectNonProduction
 * |       +-- UAT     666666666666
 * +-- Sandbox         ou-ex12-sandboxou            ProtectNonProduction
 *     +-- Development 777777777777
 * </pre>
 *
 * <p>{@code FullAWSAccess} is attached to every node. SCPs and RCPs are enabled; there is no
 * customer RCP, so {@code RCPFullAWSAccess} alone is at every level. Identity Center lives in
 * eu-west-1. Users and their groups: alice (Admins: AdministratorAccess everywhere), bob
 * (Developers: Developer on Staging, UAT and Development, ReadOnly on Production), carol (Auditors:
 * SecurityAudit and ReadOnly everywhere), dave (Developers, and PowerUser on Development directly),
 * erin (Finance: Billing on Management). The attributes for access control pass {@code CostCenter}
 * and {@code Department} from the users' enterprise attributes.
 *
 * <p>The AWS managed policies are abridged copies of the real ones (the same intent, fewer
 * actions): enough for tests, not a reference. Every account holds the customer managed policy
 * {@code SecurityAuditExtras} that the SecurityAudit permission set references; its content in
 * Audit allows more than elsewhere. The roles of Production are known as provisioned; in the other
 * accounts their names are synthesized.
 */
public final class ExampleOrganization {
  /** The organization id. */
  public static final String ORGANIZATION_ID = "o-exampleorg1";

  /** The root id. */
  public static final String ROOT_ID = "r-ex12";

  /** The Security OU. */
  public static final String SECURITY_OU = "ou-ex12-security";

  /** The Workloads OU. */
  public static final String WORKLOADS_OU = "ou-ex12-workloads";

  /** The Testing OU, nested in Workloads. */
  public static final String TESTING_OU = "ou-ex12-testingou";

  /** The Sandbox OU. */
  public static final String SANDBOX_OU = "ou-ex12-sandboxou";

  /** The management account, {@code Management}. */
  public static final String MANAGEMENT = "111111111111";

  /** {@code Log Archive}, in Security. */
  public static final String LOG_ARCHIVE = "222222222222";

  /** {@code Audit}, in Security. */
  public static final String AUDIT = "333333333333";

  /** {@code Production}, in Workloads. */
  public static final String PRODUCTION = "444444444444";

  /** {@code Staging}, in Workloads. */
  public static final String STAGING = "555555555555";

  /** {@code UAT}, in Workloads / Testing. */
  public static final String UAT = "666666666666";

  /** {@code Development}, in Sandbox. */
  public static final String DEVELOPMENT = "777777777777";

  /** The Identity Center instance. */
  public static final String INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6";

  /** The region of Identity Center. */
  public static final String HOME_REGION = "eu-west-1";

  /** The SCP at the root that denies {@code organizations:LeaveOrganization}. */
  public static final String DENY_LEAVE_ORGANIZATION = "p-denyleave01";

  /**
   * The SCP at the root that denies regional actions outside eu-west-1 and us-east-1, except for
   * the roles of the AdministratorAccess permission set.
   */
  public static final String REGION_RESTRICTION = "p-regions0001";

  /**
   * The SCP of Sandbox and Testing: no {@code ec2:TerminateInstances} nor {@code s3:DeleteBucket}
   * for principals whose {@code aws:PrincipalOrgPaths} lie under those OUs.
   */
  public static final String PROTECT_NON_PRODUCTION = "p-nonprod0001";

  /** The SCP of Production: no destructive EC2 and RDS actions without MFA. */
  public static final String REQUIRE_MFA = "p-requiremfa1";

  private static final String PS_PREFIX = "arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-";

  private static final List<String> ALL_ACCOUNTS =
      List.of(MANAGEMENT, LOG_ARCHIVE, AUDIT, PRODUCTION, STAGING, UAT, DEVELOPMENT);

  private ExampleOrganization() {}

  /**
   * The example organization. Built once, on first use.
   *
   * @throws dev.orgauthz.policy.PolicyException if a policy does not parse (it would be a bug here)
   */
  public static Snapshot snapshot() {
    return Holder.SNAPSHOT;
  }

  private static final class Holder {
    static final Snapshot SNAPSHOT = build();
  }

  private static Snapshot build() {
    Snapshot.Builder snapshot =
        Snapshot.builder()
            .organization(organization())
            .identityCenter(identityCenter())
            .awsManagedPolicies(awsManagedPolicies());
    for (String account : ALL_ACCOUNTS) {
      snapshot.iamData(iamData(account));
    }
    return snapshot.build();
  }

  // ---- the organization

  private static Organization organization() {
    Organization.Builder org =
        Organization.builder(ORGANIZATION_ID, MANAGEMENT)
            .root(Root.of(ROOT_ID))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
            .enablePolicyType(ControlPolicy.RESOURCE_CONTROL_POLICY)
            .organizationalUnit(OrganizationalUnit.of(SECURITY_OU, "Security", ROOT_ID))
            .organizationalUnit(OrganizationalUnit.of(WORKLOADS_OU, "Workloads", ROOT_ID))
            .organizationalUnit(OrganizationalUnit.of(TESTING_OU, "Testing", WORKLOADS_OU))
            .organizationalUnit(OrganizationalUnit.of(SANDBOX_OU, "Sandbox", ROOT_ID))
            .account(account(MANAGEMENT, "Management", ROOT_ID))
            .account(account(LOG_ARCHIVE, "Log Archive", SECURITY_OU))
            .account(account(AUDIT, "Audit", SECURITY_OU))
            .account(account(PRODUCTION, "Production", WORKLOADS_OU))
            .account(account(STAGING, "Staging", WORKLOADS_OU))
            .account(account(UAT, "UAT", TESTING_OU))
            .account(account(DEVELOPMENT, "Development", SANDBOX_OU));

    List<String> everyNode = new ArrayList<>(List.of(ROOT_ID, SECURITY_OU, WORKLOADS_OU));
    everyNode.addAll(List.of(TESTING_OU, SANDBOX_OU));
    everyNode.addAll(ALL_ACCOUNTS);
    org.policy(ControlPolicy.fullAwsAccess(scp("FullAWSAccess", FULL_AWS_ACCESS), everyNode));
    org.policy(
        ControlPolicy.scp(
            DENY_LEAVE_ORGANIZATION,
            "DenyLeaveOrganization",
            scp("DenyLeaveOrganization", DENY_LEAVE),
            List.of(ROOT_ID)));
    org.policy(
        ControlPolicy.scp(
            REGION_RESTRICTION,
            "RegionRestriction",
            scp("RegionRestriction", REGIONS),
            List.of(ROOT_ID)));
    org.policy(
        ControlPolicy.scp(
            PROTECT_NON_PRODUCTION,
            "ProtectNonProduction",
            scp("ProtectNonProduction", NON_PRODUCTION),
            List.of(SANDBOX_OU, TESTING_OU)));
    org.policy(
        ControlPolicy.scp(
            REQUIRE_MFA,
            "RequireMfaForDestructiveActions",
            scp("RequireMfaForDestructiveActions", MFA),
            List.of(PRODUCTION)));
    return org.build();
  }

  private static Account account(String id, String name, String parent) {
    String email =
        "aws+" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "@example.com";
    return new Account(id, name, email, Account.ACTIVE, parent, java.util.Map.of());
  }

  // ---- Identity Center

  private static final String USER_ID_PREFIX = "906720e1c8-";

  private static IdentityCenter identityCenter() {
    PermissionSet administratorAccess =
        PermissionSet.builder(PS_PREFIX + "a1000000000000a1", "AdministratorAccess")
            .description("Full access, for the platform team")
            .awsManagedPolicy("arn:aws:iam::aws:policy/AdministratorAccess")
            .build();
    PermissionSet powerUser =
        PermissionSet.builder(PS_PREFIX + "a2000000000000a2", "PowerUser")
            .description("Everything but IAM and Organizations")
            .sessionDuration(Duration.ofHours(4))
            .awsManagedPolicy("arn:aws:iam::aws:policy/PowerUserAccess")
            .build();
    PermissionSet developer =
        PermissionSet.builder(PS_PREFIX + "a3000000000000a3", "Developer")
            .description("Build and run workloads")
            .sessionDuration(Duration.ofHours(8))
            .inlinePolicy(identity("Developer", DEVELOPER))
            .build();
    PermissionSet readOnly =
        PermissionSet.builder(PS_PREFIX + "a4000000000000a4", "ReadOnly")
            .description("Read everything")
            .sessionDuration(Duration.ofHours(8))
            .awsManagedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess")
            .build();
    PermissionSet securityAudit =
        PermissionSet.builder(PS_PREFIX + "a5000000000000a5", "SecurityAudit")
            .description("Audit security configuration and findings")
            .sessionDuration(Duration.ofHours(4))
            .awsManagedPolicy("arn:aws:iam::aws:policy/SecurityAudit")
            .customerManagedPolicy(CustomerManagedPolicyReference.of("SecurityAuditExtras"))
            .build();
    PermissionSet billing =
        PermissionSet.builder(PS_PREFIX + "a6000000000000a6", "Billing")
            .description("Billing and cost management")
            .sessionDuration(Duration.ofHours(2))
            .awsManagedPolicy("arn:aws:iam::aws:policy/job-function/Billing")
            .build();

    String admins = storeId("group/admins");
    String developers = storeId("group/developers");
    String auditors = storeId("group/auditors");
    String finance = storeId("group/finance");

    IdentityCenter.Builder center =
        IdentityCenter.builder(INSTANCE_ARN, "d-9367a1b2c3")
            .homeRegion(HOME_REGION)
            .accessControlAttribute(
                AccessControlAttribute.of("CostCenter", "${path:enterprise.costCenter}"))
            .accessControlAttribute(
                AccessControlAttribute.of("Department", "${path:enterprise.department}"))
            .user(user("alice", "Alice Example", "Platform", "CC-1000"))
            .user(user("bob", "Bob Example", "Engineering", "CC-2001"))
            .user(user("carol", "Carol Example", "Security", "CC-3000"))
            .user(user("dave", "Dave Example", "Engineering", "CC-2002"))
            .user(user("erin", "Erin Example", "Finance", "CC-4000"))
            .group(Group.of(admins, "Admins"))
            .group(Group.of(developers, "Developers"))
            .group(Group.of(auditors, "Auditors"))
            .group(Group.of(finance, "Finance"))
            .membership(admins, userId("alice"))
            .membership(developers, userId("bob"))
            .membership(developers, userId("dave"))
            .membership(auditors, userId("carol"))
            .membership(finance, userId("erin"))
            .permissionSet(administratorAccess)
            .permissionSet(powerUser)
            .permissionSet(developer)
            .permissionSet(readOnly)
            .permissionSet(securityAudit)
            .permissionSet(billing);

    for (String account : ALL_ACCOUNTS) {
      center.assignment(AccountAssignment.toGroup(account, administratorAccess, admins));
      center.assignment(AccountAssignment.toGroup(account, securityAudit, auditors));
      center.assignment(AccountAssignment.toGroup(account, readOnly, auditors));
    }
    for (String account : List.of(STAGING, UAT, DEVELOPMENT)) {
      center.assignment(AccountAssignment.toGroup(account, developer, developers));
    }
    center.assignment(AccountAssignment.toGroup(PRODUCTION, readOnly, developers));
    center.assignment(AccountAssignment.toUser(DEVELOPMENT, powerUser, userId("dave")));
    center.assignment(AccountAssignment.toGroup(MANAGEMENT, billing, finance));
    return center.build();
  }

  /** The user id of an example user, from the user name. */
  public static String userId(String userName) {
    return storeId("user/" + userName);
  }

  /** An identity store id of the AWS form, a 10-hex-digit prefix and a UUID, derived from text. */
  private static String storeId(String text) {
    return USER_ID_PREFIX
        + java.util.UUID.nameUUIDFromBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static User user(String name, String displayName, String department, String costCenter) {
    return User.of(userId(name), name, displayName, name + "@example.com")
        .withAttribute("name.givenName", displayName.substring(0, displayName.indexOf(' ')))
        .withAttribute("enterprise.department", department)
        .withAttribute("enterprise.costCenter", costCenter);
  }

  // ---- IAM

  private static AwsManagedPolicies awsManagedPolicies() {
    return AwsManagedPolicies.of(
        List.of(
            ManagedPolicy.awsManaged(
                "/", "AdministratorAccess", identity("AdministratorAccess", ADMIN)),
            ManagedPolicy.awsManaged("/", "PowerUserAccess", identity("PowerUserAccess", POWER)),
            ManagedPolicy.awsManaged("/", "ReadOnlyAccess", identity("ReadOnlyAccess", READ_ONLY)),
            ManagedPolicy.awsManaged("/", "SecurityAudit", identity("SecurityAudit", AUDITING)),
            ManagedPolicy.awsManaged("/job-function/", "Billing", identity("Billing", BILLING))));
  }

  private static AccountIamData iamData(String account) {
    String text = account.equals(AUDIT) ? AUDIT_EXTRAS_IN_AUDIT : AUDIT_EXTRAS;
    ManagedPolicy extras =
        ManagedPolicy.customerManaged(
            account, "/", "SecurityAuditExtras", identity(account + "/SecurityAuditExtras", text));
    List<ProvisionedRole> roles = new ArrayList<>();
    if (account.equals(PRODUCTION)) {
      String path = "/aws-reserved/sso.amazonaws.com/" + HOME_REGION + "/";
      roles.add(
          ProvisionedRole.of(
              account,
              path,
              "AWSReservedSSO_AdministratorAccess_5f1c2d3e4a6b7c8d",
              "AROAEXAMPLEPRODADMIN"));
      roles.add(
          ProvisionedRole.of(
              account, path, "AWSReservedSSO_ReadOnly_0b9a8c7d6e5f4a3b", "AROAEXAMPLEPRODREADS"));
      roles.add(
          ProvisionedRole.of(account, path, "AWSReservedSSO_SecurityAudit_7e6d5c4b3a291807", null));
    }
    return new AccountIamData(account, List.of(extras), roles);
  }

  // ---- parsing

  private static PolicyDocument scp(String name, String text) {
    return Policies.parse(text, PolicyType.SERVICE_CONTROL, "example-organization/scp/" + name);
  }

  private static PolicyDocument identity(String name, String text) {
    return Policies.parse(text, PolicyType.IDENTITY, "example-organization/iam/" + name);
  }

  // ---- the policies

  private static final String FULL_AWS_ACCESS = ControlPolicy.FULL_AWS_ACCESS_TEXT;

  private static final String DENY_LEAVE =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "DenyLeaveOrganization",
            "Effect": "Deny",
            "Action": "organizations:LeaveOrganization",
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String REGIONS =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "DenyOutsideApprovedRegions",
            "Effect": "Deny",
            "NotAction": [
              "account:*", "aws-portal:*", "billing:*", "budgets:*", "ce:*", "cloudfront:*",
              "cur:*", "globalaccelerator:*", "health:*", "iam:*", "identitystore:*",
              "organizations:*", "payments:*", "route53:*", "route53domains:*",
              "s3:GetBucketLocation", "s3:ListAllMyBuckets", "shield:*", "sso:*", "sts:*",
              "support:*", "tax:*", "trustedadvisor:*", "waf:*"
            ],
            "Resource": "*",
            "Condition": {
              "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] },
              "ArnNotLike": {
                "aws:PrincipalArn": [
                  "arn:aws:iam::*:role/aws-reserved/*AWSReservedSSO_AdministratorAccess_*"
                ]
              }
            }
          }
        ]
      }
      """;

  private static final String NON_PRODUCTION =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "DenyTerminateAndDeleteBucket",
            "Effect": "Deny",
            "Action": ["ec2:TerminateInstances", "s3:DeleteBucket"],
            "Resource": "*",
            "Condition": {
              "ForAnyValue:StringLike": {
                "aws:PrincipalOrgPaths": [
                  "o-exampleorg1/r-ex12/ou-ex12-sandboxou/*",
                  "o-exampleorg1/r-ex12/ou-ex12-workloads/ou-ex12-testingou/*"
                ]
              }
            }
          }
        ]
      }
      """;

  private static final String MFA =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "DenyDestructiveWithoutMfa",
            "Effect": "Deny",
            "Action": [
              "ec2:TerminateInstances", "ec2:DeleteVolume", "ec2:DeleteSnapshot",
              "rds:DeleteDBInstance", "rds:DeleteDBCluster", "rds:DeleteDBSnapshot",
              "rds:DeleteDBClusterSnapshot"
            ],
            "Resource": "*",
            "Condition": { "BoolIfExists": { "aws:MultiFactorAuthPresent": "false" } }
          }
        ]
      }
      """;

  private static final String DEVELOPER =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "BuildAndRunWorkloads",
            "Effect": "Allow",
            "Action": [
              "cloudformation:*", "cloudwatch:*", "dynamodb:*", "ec2:*", "ecr:*", "ecs:*",
              "lambda:*", "logs:*", "s3:*", "sns:*", "sqs:*"
            ],
            "Resource": "*"
          },
          {
            "Sid": "PassApplicationRoles",
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::*:role/app/*"
          },
          {
            "Sid": "ReadIam",
            "Effect": "Allow",
            "Action": ["iam:Get*", "iam:List*"],
            "Resource": "*"
          },
          {
            "Sid": "ReadSecretsOfOwnCostCenter",
            "Effect": "Allow",
            "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
            "Resource": "*",
            "Condition": {
              "StringEquals": { "aws:ResourceTag/CostCenter": "${aws:PrincipalTag/CostCenter}" }
            }
          }
        ]
      }
      """;

  private static final String ADMIN =
      """
      {
        "Version": "2012-10-17",
        "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
      }
      """;

  private static final String POWER =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "NotAction": ["iam:*", "organizations:*", "account:*"],
            "Resource": "*"
          },
          {
            "Effect": "Allow",
            "Action": [
              "account:GetAccountInformation", "account:ListRegions",
              "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
              "organizations:DescribeOrganization"
            ],
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String READ_ONLY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "ReadOnlyAbridged",
            "Effect": "Allow",
            "Action": [
              "cloudformation:Describe*", "cloudformation:Get*", "cloudformation:List*",
              "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:LookupEvents",
              "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*",
              "dynamodb:Describe*", "dynamodb:List*", "ec2:Describe*", "ec2:Get*",
              "ecr:Describe*", "ecr:List*", "iam:Get*", "iam:List*", "lambda:Get*",
              "lambda:List*", "logs:Describe*", "logs:Get*", "organizations:Describe*",
              "organizations:List*", "rds:Describe*", "rds:List*", "s3:Get*", "s3:List*",
              "sns:Get*", "sns:List*", "sqs:Get*", "sqs:List*"
            ],
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String AUDITING =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "SecurityAuditAbridged",
            "Effect": "Allow",
            "Action": [
              "access-analyzer:Get*", "access-analyzer:List*", "acm:Describe*", "acm:List*",
              "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:List*", "config:Describe*",
              "config:Get*", "ec2:Describe*", "guardduty:Get*", "guardduty:List*",
              "iam:GenerateCredentialReport", "iam:Get*", "iam:List*", "kms:Describe*",
              "kms:Get*", "kms:List*", "organizations:Describe*", "organizations:List*",
              "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock",
              "s3:ListAllMyBuckets"
            ],
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String BILLING =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "BillingAbridged",
            "Effect": "Allow",
            "Action": [
              "account:GetAccountInformation", "aws-portal:*Billing", "aws-portal:*PaymentMethods",
              "aws-portal:*Usage", "billing:*", "budgets:ModifyBudget", "budgets:ViewBudget",
              "ce:*", "cur:*", "invoicing:*", "payments:*", "tax:*"
            ],
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String AUDIT_EXTRAS =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "ReadSecurityFindings",
            "Effect": "Allow",
            "Action": [
              "inspector2:Get*", "inspector2:List*", "securityhub:Describe*",
              "securityhub:Get*", "securityhub:List*"
            ],
            "Resource": "*"
          },
          {
            "Sid": "NoSecretValues",
            "Effect": "Deny",
            "Action": "secretsmanager:GetSecretValue",
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String AUDIT_EXTRAS_IN_AUDIT =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "ReadSecurityFindings",
            "Effect": "Allow",
            "Action": [
              "inspector2:Get*", "inspector2:List*", "securityhub:Describe*",
              "securityhub:Get*", "securityhub:List*"
            ],
            "Resource": "*"
          },
          {
            "Sid": "TriageFindingsInAudit",
            "Effect": "Allow",
            "Action": "securityhub:BatchUpdateFindings",
            "Resource": "*"
          },
          {
            "Sid": "NoSecretValues",
            "Effect": "Deny",
            "Action": "secretsmanager:GetSecretValue",
            "Resource": "*"
          }
        ]
      }
      """;
}
