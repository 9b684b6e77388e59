/**
 * MTA-STS policy files (RFC 8461 §3.2): the model, the parser, the serializer, MX matching and
 * lint. Also home of {@link dev.mtasts.policy.MtaStsException}, the root of every exception the
 * SDK throws.
 *
 * <p>Parse the body served at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}, check MX
 * hosts against it, and write it back in canonical form:
 *
 * <pre>{@code
 * MtaStsPolicy policy = MtaStsPolicy.parse(
 *     "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\n");
 * policy.mode();                          // Mode.ENFORCE
 * policy.matches("MX1.example.net.");     // true (RFC 8461 §4.1)
 * policy.matches("a.b.example.net");      // false: a wildcard covers one label
 * policy.toText();                        // "version: STSv1\r\nmode: enforce\r\n..."
 *
 * try {
 *   MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 31557601\n");
 * } catch (PolicyParseException e) {
 *   e.code();       // PolicyErrorCode.MAX_AGE_OUT_OF_RANGE, e.code().id() is "max-age-out-of-range"
 *   e.location();   // a Location.LineColumn on line 4
 *   e.detail();     // "max_age 31557601 is above the RFC 8461 maximum of 31557600"
 *   e.getMessage(); // "line 4: max_age 31557601 is above the RFC 8461 maximum of 31557600"
 * }
 *
 * ParseResult<MtaStsPolicy> lenient = PolicyParser.lenient().parse(bodyBytes); // BOM, blank lines...
 * lenient.value();                        // the policy
 * lenient.warnings();                     // each a Warning: code, location (line and column), message
 *
 * List<LintFinding> findings = PolicyLint.lint(policy, List.of("mail.example.com", "mx9.other.org"));
 * }</pre>
 *
 * <p>This package also holds the vocabulary every module of the SDK shares: a strict read throws a
 * subclass of {@link dev.mtasts.policy.MtaStsParseException} with a {@link
 * dev.mtasts.policy.ProblemCode code} (whose {@code id()} is the stable text form), a {@link
 * dev.mtasts.policy.Location} and the message without the location; a lenient read returns a
 * {@link dev.mtasts.policy.ParseResult}, the value and its {@link dev.mtasts.policy.Warning}s, each
 * with the same three parts.
 *
 * <p>{@link dev.mtasts.policy.MtaStsPolicy#parse(CharSequence)} is strict; {@link
 * dev.mtasts.policy.PolicyParser} gives the lenient mode, warnings, and the input limit.
 */
@NullMarked
package dev.mtasts.policy;

import org.jspecify.annotations.NullMarked;
