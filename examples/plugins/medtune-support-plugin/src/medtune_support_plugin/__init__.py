"""An example medtune plugin for a non-medical domain: customer support for Fernpad, a fictional note-taking app.

It registers, through the same hooks as medtune's built-in medical plugin:

- the ``redact_support_ids`` cleaner (:mod:`.redact`): order numbers, licence keys, e-mail addresses, phone and card
  numbers are replaced by typed placeholders, while the company's own support addresses are kept;
- the ``support`` safety policy for ``medtune serve`` (:mod:`.safety`): legal threats, chargebacks and data
  breaches are escalated to a human, and answers about billing or accounts get a support disclaimer;
- two checkers (:mod:`.checks`) for cleaning filters and evaluation: ``support_escalation`` (an escalation message
  answered without a hand-off to a human) and ``leaked_ids`` (an answer that contains an order number, a licence
  key or a customer's e-mail).

Importing this package is cheap; the hook module (:mod:`.plugin`) imports the components only when medtune asks.
"""

__version__ = "0.1.0"
