/** orgauthz: offline authorization for AWS organizations. */
module dev.orgauthz.core {
  requires tools.jackson.databind;
  requires com.networknt.schema;
  requires static org.jspecify;

  exports dev.orgauthz;
  exports dev.orgauthz.evaluation;
  exports dev.orgauthz.iam;
  exports dev.orgauthz.identitycenter;
  exports dev.orgauthz.org;
  exports dev.orgauthz.policy;
  exports dev.orgauthz.query;
}
