package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * The key of a failure figure of one policy domain: UTC day, policy type, result type, sending IP
 * and receiving MX ({@code ""} when absent), or, for failed sessions a report counts but describes
 * in no {@code failure-details}, the day and policy type only ({@link #detailed()} false); and
 * the reporting organization, so that triage can tell known senders, and failures seen by several
 * reporters, apart. The hash is computed once, so merging copies cheaply.
 */
public final class FailureKey {
  private final int epochDay;
  private final String policyType;
  private final boolean detailed;
  private final String resultType;
  private final String sendingIp;
  private final String receivingMx;
  private final String organization;
  private final int hash;

  /**
   * Creates the key.
   *
   * @param epochDay the UTC day, as days since 1970-01-01
   * @param policyType the policy type text
   * @param detailed {@code false} for failed sessions without failure details (then the three
   *     texts are {@code ""})
   * @param resultType the result type text
   * @param sendingIp the sending MTA IP or {@code ""}
   * @param receivingMx the receiving MX host (lower case) or {@code ""}
   * @param organization the reporting organization's name
   */
  public FailureKey(
      int epochDay,
      String policyType,
      boolean detailed,
      String resultType,
      String sendingIp,
      String receivingMx,
      String organization) {
    this.epochDay = epochDay;
    this.policyType = policyType;
    this.detailed = detailed;
    this.resultType = resultType;
    this.sendingIp = sendingIp;
    this.receivingMx = receivingMx;
    this.organization = organization;
    this.hash = hashOf(epochDay, policyType, detailed, resultType, sendingIp, receivingMx,
        organization);
  }

  private static int hashOf(int epochDay, String policyType, boolean detailed, String resultType,
      String sendingIp, String receivingMx, String organization) {
    int h = epochDay;
    h = h * 31 + organization.hashCode();
    h = h * 31 + policyType.hashCode();
    h = h * 31 + resultType.hashCode();
    h = h * 31 + sendingIp.hashCode();
    h = h * 31 + (detailed ? 1 : 2);
    return h * 31 + receivingMx.hashCode();
  }

  /**
   * A reusable stand-in for a key, to look a cell up in a {@code HashMap<FailureKey, ...>}
   * ({@code get}, {@code remove}) without allocating a key per failure figure: it hashes as the
   * key with the same fields would and equals such a key. Only the map's own keys are ever
   * compared with it; {@link #toKey()} makes the key to insert. Not thread-safe: one per owner.
   */
  public static final class Probe {
    private int epochDay;
    private String policyType = "";
    private boolean detailed;
    private String resultType = "";
    private String sendingIp = "";
    private String receivingMx = "";
    private String organization = "";
    private int hash;

    /** Creates a probe; {@link #set} gives it its fields. */
    public Probe() {}

    /**
     * Sets every field.
     *
     * @param epochDay the UTC day
     * @param policyType the policy type text
     * @param detailed {@code false} for failed sessions without failure details
     * @param resultType the result type text
     * @param sendingIp the sending MTA IP or {@code ""}
     * @param receivingMx the receiving MX or {@code ""}
     * @param organization the reporting organization
     * @return this probe
     */
    public Probe set(int epochDay, String policyType, boolean detailed, String resultType,
        String sendingIp, String receivingMx, String organization) {
      this.epochDay = epochDay;
      this.policyType = policyType;
      this.detailed = detailed;
      this.resultType = resultType;
      this.sendingIp = sendingIp;
      this.receivingMx = receivingMx;
      this.organization = organization;
      this.hash = hashOf(epochDay, policyType, detailed, resultType, sendingIp, receivingMx,
          organization);
      return this;
    }

    /**
     * Returns the key with this probe's fields.
     *
     * @return a new key
     */
    public FailureKey toKey() {
      return new FailureKey(epochDay, policyType, detailed, resultType, sendingIp, receivingMx,
          organization);
    }

    /** Equal to the {@link FailureKey} with the same fields (the only use a map makes of it). */
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof FailureKey k
          && k.hash == hash
          && k.epochDay == epochDay
          && k.detailed == detailed
          && k.resultType.equals(resultType)
          && k.sendingIp.equals(sendingIp)
          && k.receivingMx.equals(receivingMx)
          && k.policyType.equals(policyType)
          && k.organization.equals(organization);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return toKey().toString();
    }
  }

  /**
   * Returns the UTC day as days since 1970-01-01.
   *
   * @return the epoch day
   */
  public int epochDay() {
    return epochDay;
  }

  /**
   * Returns the policy type text.
   *
   * @return the type
   */
  public String policyType() {
    return policyType;
  }

  /**
   * Tells whether the figure comes from {@code failure-details}.
   *
   * @return {@code false} for failed sessions a report describes in no failure detail
   */
  public boolean detailed() {
    return detailed;
  }

  /**
   * Returns the result type text ({@code ""} when not detailed).
   *
   * @return the result type
   */
  public String resultType() {
    return resultType;
  }

  /**
   * Returns the sending MTA IP, {@code ""} when absent.
   *
   * @return the IP
   */
  public String sendingIp() {
    return sendingIp;
  }

  /**
   * Returns the receiving MX host, {@code ""} when absent.
   *
   * @return the host
   */
  public String receivingMx() {
    return receivingMx;
  }

  /**
   * Returns the reporting organization's name.
   *
   * @return the organization
   */
  public String organization() {
    return organization;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof FailureKey k
        && k.hash == hash
        && k.epochDay == epochDay
        && k.detailed == detailed
        && k.resultType.equals(resultType)
        && k.sendingIp.equals(sendingIp)
        && k.receivingMx.equals(receivingMx)
        && k.policyType.equals(policyType)
        && k.organization.equals(organization);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return epochDay + "/" + policyType + "/" + (detailed ? resultType : "(no details)") + "/"
        + sendingIp + "/" + receivingMx;
  }
}
