#!/usr/bin/env bash
# Exports an AWS organization for orgauthz: the organization (tree, SCPs, RCPs), IAM Identity
# Center (permission sets, assignments, users, groups) and IAM data, as the unmodified JSON output
# of read-only AWS CLI v2 calls, one file per call, in the layout `orgauthz import` and
# `--snapshot` read (see the README, "Your own organization").
#
#   scripts/export-aws-org.sh [options] OUT_DIR
#
# Options:
#   --identity-center-region REGION  the region of IAM Identity Center (default: the CLI's region)
#   --member-role NAME               a role to assume in each member account to export its IAM
#                                    data (customer managed policies, AWSReservedSSO_ roles), for
#                                    example OrganizationAccountAccessRole or a read-only audit
#                                    role; without it only the current account's IAM data is
#                                    exported
#   --no-aws-managed-policies        skip iam/aws-managed-policies.json (about 20 MB); the bundled
#                                    catalog of orgauthz is used instead
#   --all-assignment-pairs           ask list-account-assignments for every account and permission
#                                    set, not only for the permission sets provisioned to an account
#   --profile PROFILE                the AWS CLI profile to use
#
# Run it with credentials of the management account or of a delegated administrator of AWS
# Organizations and of IAM Identity Center. Every call is read-only (list, describe, get), except
# `sts assume-role` with --member-role. The AWS CLI v2 paginates every list call in full; `jq`
# reads the ids out of what it printed. Needs: bash 4 or later, aws (v2), jq.
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 2
}

region=""
member_role=""
aws_managed=true
all_pairs=false
profile=()
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --identity-center-region) region="${2:?--identity-center-region needs a region}"; shift 2 ;;
    --member-role) member_role="${2:?--member-role needs a role name}"; shift 2 ;;
    --no-aws-managed-policies) aws_managed=false; shift ;;
    --all-assignment-pairs) all_pairs=true; shift ;;
    --profile) profile=(--profile "${2:?--profile needs a name}"); shift 2 ;;
    -h | --help) usage ;;
    -*) echo "export-aws-org.sh: unknown option $1; see --help" >&2; exit 2 ;;
    *)
      [[ -z "$out" ]] || { echo "export-aws-org.sh: give one OUT_DIR; see --help" >&2; exit 2; }
      out="$1"; shift ;;
  esac
done
[[ -n "$out" ]] || usage

# ORGAUTHZ_AWS_CLI replaces the aws command (tests point it at a mock).
AWS_CLI="${ORGAUTHZ_AWS_CLI:-aws}"
for tool in "${AWS_CLI%% *}" jq; do
  command -v "$tool" > /dev/null || { echo "export-aws-org.sh: $tool is missing" >&2; exit 2; }
done
export AWS_PAGER=""

awscli() {
  # shellcheck disable=SC2086 # AWS_CLI may hold a command and its arguments
  $AWS_CLI ${profile[@]+"${profile[@]}"} --output json "$@"
}

# call FILE ARGS...: runs one call and writes its output to OUT_DIR/FILE; stops on failure.
call() {
  local file="$out/$1"
  shift
  mkdir -p "$(dirname "$file")"
  if ! awscli "$@" > "$file.part" 2> "$file.err"; then
    echo "export-aws-org.sh: \`aws $*\` failed: $(tr '\n' ' ' < "$file.err")" >&2
    rm -f "$file.part" "$file.err"
    exit 1
  fi
  mv "$file.part" "$file"
  rm -f "$file.err"
}

# optional FILE ARGS...: like call, but a missing resource (ResourceNotFoundException) writes no
# file, as for a permission set without permissions boundary.
optional() {
  local file="$out/$1"
  shift
  mkdir -p "$(dirname "$file")"
  if awscli "$@" > "$file.part" 2> "$file.err"; then
    mv "$file.part" "$file"
  elif grep -q "ResourceNotFoundException" "$file.err"; then
    rm -f "$file.part"
  else
    echo "export-aws-org.sh: \`aws $*\` failed: $(tr '\n' ' ' < "$file.err")" >&2
    rm -f "$file.part" "$file.err"
    exit 1
  fi
  rm -f "$file.err"
}

ids() { jq -r "$1" "$out/$2"; }

mkdir -p "$out"
region="${region:-$(awscli configure get region 2> /dev/null || true)}"
region="${region:-${AWS_REGION:-${AWS_DEFAULT_REGION:-}}}"
[[ -n "$region" ]] || { echo "export-aws-org.sh: give --identity-center-region" >&2; exit 2; }
caller="$(awscli sts get-caller-identity)"
partition="$(jq -r '.Arn | split(":")[1]' <<< "$caller")"
current_account="$(jq -r '.Account' <<< "$caller")"

# ---- AWS Organizations
o="organizations"
echo "exporting the organization" >&2
call $o/describe-organization.json organizations describe-organization
call $o/list-roots.json organizations list-roots
parents=("$(ids '.Roots[0].Id' $o/list-roots.json)")
accounts=()
while [[ ${#parents[@]} -gt 0 ]]; do
  parent="${parents[0]}"
  parents=("${parents[@]:1}")
  call "$o/list-organizational-units-for-parent/$parent.json" \
    organizations list-organizational-units-for-parent --parent-id "$parent"
  call "$o/list-accounts-for-parent/$parent.json" \
    organizations list-accounts-for-parent --parent-id "$parent"
  while read -r unit; do
    [[ -n "$unit" ]] && parents+=("$unit")
  done < <(ids '.OrganizationalUnits[].Id' "$o/list-organizational-units-for-parent/$parent.json")
  while read -r account; do
    [[ -n "$account" ]] && accounts+=("$account")
  done < <(ids '.Accounts[].Id' "$o/list-accounts-for-parent/$parent.json")
done
for account in "${accounts[@]}"; do
  call "$o/list-tags-for-resource/$account.json" \
    organizations list-tags-for-resource --resource-id "$account"
done
for type in $(ids '.Roots[0].PolicyTypes[] | select(.Status == "ENABLED") | .Type' \
  $o/list-roots.json); do
  case "$type" in
    SERVICE_CONTROL_POLICY | RESOURCE_CONTROL_POLICY) ;;
    *) continue ;;
  esac
  call "$o/list-policies/$type.json" organizations list-policies --filter "$type"
  for policy in $(ids '.Policies[].Id' "$o/list-policies/$type.json"); do
    call "$o/describe-policy/$policy.json" organizations describe-policy --policy-id "$policy"
    call "$o/list-targets-for-policy/$policy.json" \
      organizations list-targets-for-policy --policy-id "$policy"
  done
done

# ---- IAM Identity Center
s="sso-admin"
echo "exporting IAM Identity Center in $region" >&2
call $s/list-instances.json sso-admin list-instances --region "$region"
instance="$(ids '.Instances[0].InstanceArn // empty' $s/list-instances.json)"
if [[ -n "$instance" ]]; then
  store="$(ids '.Instances[0].IdentityStoreId' $s/list-instances.json)"
  sso=(--region "$region" --instance-arn "$instance")
  call $s/list-permission-sets.json sso-admin list-permission-sets "${sso[@]}"
  mapfile -t sets < <(ids '.PermissionSets[]' $s/list-permission-sets.json)
  for set in "${sets[@]}"; do
    id="${set##*/}"
    ps=("${sso[@]}" --permission-set-arn "$set")
    call "$s/describe-permission-set/$id.json" sso-admin describe-permission-set "${ps[@]}"
    call "$s/get-inline-policy-for-permission-set/$id.json" \
      sso-admin get-inline-policy-for-permission-set "${ps[@]}"
    call "$s/list-managed-policies-in-permission-set/$id.json" \
      sso-admin list-managed-policies-in-permission-set "${ps[@]}"
    call "$s/list-customer-managed-policy-references-in-permission-set/$id.json" \
      sso-admin list-customer-managed-policy-references-in-permission-set "${ps[@]}"
    optional "$s/get-permissions-boundary-for-permission-set/$id.json" \
      sso-admin get-permissions-boundary-for-permission-set "${ps[@]}"
  done
  for account in "${accounts[@]}"; do
    if $all_pairs; then
      candidates=("${sets[@]}")
    else
      file="$s/list-permission-sets-provisioned-to-account/$account.json"
      call "$file" sso-admin list-permission-sets-provisioned-to-account "${sso[@]}" \
        --account-id "$account"
      mapfile -t candidates < <(ids '.PermissionSets[]?' "$file")
      rm -f "$out/$file"
    fi
    for set in "${candidates[@]}"; do
      file="$s/list-account-assignments/$account/${set##*/}.json"
      call "$file" sso-admin list-account-assignments "${sso[@]}" \
        --account-id "$account" --permission-set-arn "$set"
      # No file means no assignment.
      if [[ "$(ids '.AccountAssignments | length' "$file")" == 0 ]]; then
        rm -f "$out/$file"
      fi
    done
  done
  rmdir "$out/$s/list-permission-sets-provisioned-to-account" 2> /dev/null || true
  optional $s/describe-instance-access-control-attribute-configuration.json \
    sso-admin describe-instance-access-control-attribute-configuration "${sso[@]}"

  i="identitystore"
  store_args=(--region "$region" --identity-store-id "$store")
  mkdir -p "$out/$i"
  if awscli identitystore list-users "${store_args[@]}" \
    --extensions aws:identitystore:enterprise > "$out/$i/list-users.json" 2> "$out/$i/err"; then
    rm -f "$out/$i/err"
  elif grep -qi "extensions" "$out/$i/err"; then
    echo "export-aws-org.sh: this AWS CLI cannot ask for the enterprise attributes of users" \
      "(--extensions); attributes such as enterprise.costCenter will be missing" >&2
    rm -f "$out/$i/err"
    call $i/list-users.json identitystore list-users "${store_args[@]}"
  else
    echo "export-aws-org.sh: \`aws identitystore list-users\` failed: $(tr '\n' ' ' < "$out/$i/err")" >&2
    exit 1
  fi
  call $i/list-groups.json identitystore list-groups "${store_args[@]}"
  for group in $(ids '.Groups[].GroupId' $i/list-groups.json); do
    call "$i/list-group-memberships/$group.json" \
      identitystore list-group-memberships "${store_args[@]}" --group-id "$group"
  done
fi

# ---- IAM
echo "exporting IAM data" >&2
if $aws_managed; then
  call iam/aws-managed-policies.json iam get-account-authorization-details \
    --filter AWSManagedPolicy
fi
for account in "${accounts[@]}"; do
  file="iam/$account/get-account-authorization-details.json"
  if [[ "$account" == "$current_account" ]]; then
    call "$file" iam get-account-authorization-details --filter Role LocalManagedPolicy
  elif [[ -n "$member_role" ]]; then
    credentials="$(awscli sts assume-role --role-session-name orgauthz-export \
      --role-arn "arn:$partition:iam::$account:role/$member_role")" || {
      echo "export-aws-org.sh: cannot assume $member_role in $account; its IAM data is left out" >&2
      continue
    }
    (
      AWS_ACCESS_KEY_ID="$(jq -r .Credentials.AccessKeyId <<< "$credentials")"
      AWS_SECRET_ACCESS_KEY="$(jq -r .Credentials.SecretAccessKey <<< "$credentials")"
      AWS_SESSION_TOKEN="$(jq -r .Credentials.SessionToken <<< "$credentials")"
      export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
      profile=()
      unset AWS_PROFILE
      call "$file" iam get-account-authorization-details --filter Role LocalManagedPolicy
    )
  fi
done

jq -n --arg region "$region" --arg partition "$partition" \
  --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  '{formatVersion: 1, identityCenterRegion: $region, partition: $partition, exportedAt: $at}' \
  > "$out/export.json"
echo "wrote $out; next: orgauthz import $out -o snapshot.json" >&2
