package com.example.guardrails;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.junit.IntentSource;
import dev.orgauthz.testing.junit.OrgAuthzSnapshot;
import org.junit.jupiter.params.ParameterizedTest;

/** The guardrails of the organization, from an intent file: one test per intent. */
@OrgAuthzSnapshot("example")
class IntentFileTest {
  @ParameterizedTest(name = "{0}")
  @IntentSource("classpath:intents/guardrails.json")
  void holds(Intent intent, Authorizer authorizer) {
    assertThat(authorizer).holds(intent);
  }
}
