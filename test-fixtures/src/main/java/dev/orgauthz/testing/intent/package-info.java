/**
 * Policy intents: questions about an organization with the answer a team expects, such as "no one
 * in Sandbox can leave the organization". {@link dev.orgauthz.testing.intent.Question} asks, {@link
 * dev.orgauthz.testing.intent.Expectation} states the expected answer, {@link
 * dev.orgauthz.testing.intent.Verdict} compares them; {@link
 * dev.orgauthz.testing.intent.IntentReader} reads intent files (JSON, checked against {@code
 * intents.schema.json}) and {@link dev.orgauthz.testing.intent.IntentRunner} runs them.
 */
@NullMarked
package dev.orgauthz.testing.intent;

import org.jspecify.annotations.NullMarked;
