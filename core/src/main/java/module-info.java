/** orgauthz: offline authorization for AWS organizations. */
module dev.orgauthz.core {
  requires tools.jackson.databind;
  requires com.networknt.schema;
  requires static org.jspecify;

  exports dev.orgauthz.policy;
}
