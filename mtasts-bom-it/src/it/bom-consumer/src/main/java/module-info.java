/** A user's module that reads every published module of the SDK. */
module example.consumer {
  requires dev.mtasts.policy;
  requires dev.mtasts.dns;
  requires dev.mtasts.tlsrpt;
  requires dev.mtasts.lifecycle;
  requires dev.mtasts.sender;
  requires dev.mtasts.audit;
  requires dev.mtasts.tlsrpt.mail;
}
