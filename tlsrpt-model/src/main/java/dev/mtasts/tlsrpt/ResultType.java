package dev.mtasts.tlsrpt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A TLS-RPT result type (RFC 8460 §4.3, IANA "STARTTLS Validation Result Types").
 *
 * <p>The registry is open (Expert Review, RFC 8460 §6.6), so an unknown value is kept with its raw
 * text instead of failing: {@code ResultType.of("Testing").isKnown()} is {@code false} and
 * {@code wireName()} returns {@code "Testing"}. Known values are singletons and compare with
 * {@code ==} as well as {@link #equals(Object)}.
 */
public final class ResultType {

  /** The group a result type belongs to in RFC 8460 §4.3. */
  public enum Category {
    /** TLS negotiation failures (§4.3.1), including the general {@code validation-failure}. */
    NEGOTIATION,
    /** DANE-specific policy failures (§4.3.2.1). */
    DANE,
    /** MTA-STS-specific policy failures (§4.3.2.2). */
    MTA_STS,
    /** A value not (yet) known to this library. */
    UNKNOWN,
    /** Not a wire value: {@link #FAILURES_WITHOUT_DETAILS}. */
    NOT_REPORTED
  }

  private static final Map<String, ResultType> KNOWN = new LinkedHashMap<>();

  /** {@code starttls-not-supported}: the MX did not offer STARTTLS (§4.3.1). */
  public static final ResultType STARTTLS_NOT_SUPPORTED =
      known("starttls-not-supported", Category.NEGOTIATION);
  /** {@code certificate-host-mismatch}: the certificate violates the identity constraints. */
  public static final ResultType CERTIFICATE_HOST_MISMATCH =
      known("certificate-host-mismatch", Category.NEGOTIATION);
  /** {@code certificate-expired}: the certificate has expired. */
  public static final ResultType CERTIFICATE_EXPIRED =
      known("certificate-expired", Category.NEGOTIATION);
  /** {@code certificate-not-trusted}: catch-all for certificate chain problems. */
  public static final ResultType CERTIFICATE_NOT_TRUSTED =
      known("certificate-not-trusted", Category.NEGOTIATION);
  /** {@code validation-failure}: any other failure (§4.3.1, §4.3.3). */
  public static final ResultType VALIDATION_FAILURE =
      known("validation-failure", Category.NEGOTIATION);
  /** {@code tlsa-invalid}: no TLSA record in the RRset validated (§4.3.2.1). */
  public static final ResultType TLSA_INVALID = known("tlsa-invalid", Category.DANE);
  /** {@code dnssec-invalid}: the resolver returned no valid records (§4.3.2.1). */
  public static final ResultType DNSSEC_INVALID = known("dnssec-invalid", Category.DANE);
  /** {@code dane-required}: DANE required but no DNSSEC-validated TLSA found (§4.3.2.1). */
  public static final ResultType DANE_REQUIRED = known("dane-required", Category.DANE);
  /** {@code sts-policy-fetch-error}: the MTA-STS policy could not be retrieved (§4.3.2.2). */
  public static final ResultType STS_POLICY_FETCH_ERROR =
      known("sts-policy-fetch-error", Category.MTA_STS);
  /** {@code sts-policy-invalid}: the MTA-STS policy failed validation (§4.3.2.2). */
  public static final ResultType STS_POLICY_INVALID =
      known("sts-policy-invalid", Category.MTA_STS);
  /** {@code sts-webpki-invalid}: the policy host could not be PKIX-authenticated (§4.3.2.2). */
  public static final ResultType STS_WEBPKI_INVALID =
      known("sts-webpki-invalid", Category.MTA_STS);

  /**
   * Not a wire value: the failed sessions a policy counts in {@code total-failure-session-count}
   * but describes in no {@code failure-details} (RFC 8460 §4.4 makes failure details optional).
   * Summaries group them under this type ({@link DomainSummary#failureGroups()}) so they are
   * never lost; the playbook classes them {@link TriageClass#INVESTIGATE}. Its {@link #wireName()} is
   * {@code "failures-without-details"}, but {@link #of(String)} never returns it: a report that
   * sends that text gets an unknown type, not equal to this one.
   */
  public static final ResultType FAILURES_WITHOUT_DETAILS =
      new ResultType("failures-without-details", Category.NOT_REPORTED);

  private static final List<ResultType> KNOWN_VALUES =
      Collections.unmodifiableList(new ArrayList<>(KNOWN.values()));

  private final String value;
  private final Category category;

  private ResultType(String value, Category category) {
    this.value = value;
    this.category = category;
  }

  private static ResultType known(String value, Category category) {
    ResultType type = new ResultType(value, category);
    KNOWN.put(value, type);
    return type;
  }

  /**
   * Returns the result type for a wire value: the registered constant when the value is one of
   * RFC 8460's (exact, case-sensitive match), otherwise an unknown type keeping the raw text.
   *
   * <p>Unlike the enums' {@code fromWireName}, which return {@code Optional}, this never fails:
   * result types are an open IANA registry (RFC 8460 §6.6), so every text is a result type, and
   * {@link #isKnown()} tells the registered ones apart.
   *
   * @param value the {@code result-type} text as sent
   * @return the result type, never {@code null}
   */
  public static ResultType of(String value) {
    Objects.requireNonNull(value, "value");
    ResultType known = KNOWN.get(value);
    return known != null ? known : new ResultType(value, Category.UNKNOWN);
  }

  /**
   * Returns every result type registered by RFC 8460, in the RFC's order.
   *
   * @return an unmodifiable list of the known result types
   */
  public static List<ResultType> knownValues() {
    return KNOWN_VALUES;
  }

  /**
   * Returns the wire text, for example {@code "certificate-expired"}.
   *
   * @return the value as it appears in a report
   */
  public String wireName() {
    return value;
  }

  /**
   * Returns the RFC 8460 §4.3 group of this type, {@link Category#UNKNOWN} for unknown types.
   *
   * @return the category
   */
  public Category category() {
    return category;
  }

  /**
   * Tells whether this is one of the values registered by RFC 8460.
   *
   * @return {@code true} for a registered value
   */
  public boolean isKnown() {
    return category != Category.UNKNOWN && category != Category.NOT_REPORTED;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ResultType that && that.value.equals(value) && that.category == category;
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * Returns the wire text.
   *
   * @return the value as it appears in a report
   */
  @Override
  public String toString() {
    return value;
  }
}
