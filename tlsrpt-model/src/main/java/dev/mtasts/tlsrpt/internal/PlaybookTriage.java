package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.FailureObservation;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.Triage;
import dev.mtasts.tlsrpt.TriageClass;

/** The deployment playbook's triage rules; see {@link Triage#playbook()}. */
public final class PlaybookTriage implements Triage {

  /** The single instance. */
  public static final PlaybookTriage INSTANCE = new PlaybookTriage();

  private PlaybookTriage() {}

  @Override
  public TriageClass classify(FailureObservation o) {
    ResultType type = o.resultType();
    if (type == ResultType.STS_POLICY_FETCH_ERROR
        || type == ResultType.STS_POLICY_INVALID
        || type == ResultType.STS_WEBPKI_INVALID) {
      return TriageClass.FIX_POLICY_HOSTING;
    }
    if (type == ResultType.STARTTLS_NOT_SUPPORTED) {
      return TriageClass.USUALLY_SAFE_TO_IGNORE;
    }
    if (type == ResultType.CERTIFICATE_HOST_MISMATCH
        || type == ResultType.CERTIFICATE_EXPIRED
        || type == ResultType.CERTIFICATE_NOT_TRUSTED
        || type == ResultType.VALIDATION_FAILURE) {
      String ip = o.sendingMtaIp();
      if (ip != null && !IpAddresses.looksPublic(ip)) {
        return TriageClass.USUALLY_SAFE_TO_IGNORE;
      }
      String mx = o.receivingMxHostname();
      if (mx == null || isOwnMx(mx, o)) {
        return TriageClass.FIX_OUR_SIDE;
      }
    }
    return TriageClass.INVESTIGATE;
  }

  private static boolean isOwnMx(String mx, FailureObservation o) {
    String domain = o.policyDomain();
    if (!domain.isEmpty() && (mx.equals(domain) || mx.endsWith("." + domain))) {
      return true;
    }
    for (String pattern : o.policyMxPatterns()) {
      if (MxPatterns.matches(pattern, mx)) {
        return true;
      }
    }
    return false;
  }
}
