"""Custom actions and form validation of the complaint-intake bot (rasa-sdk).

rasa-sdk has no start-up hook for user code: the action server imports this package once,
after it has set up logging, so this is where customers' contacts get masked in its logs,
and where its executor learns to answer the form's validation pass ahead when the Rasa
server asks (`actions/form_pass_ahead.py`).
"""

from actions import form_pass_ahead
from bot import log_privacy

log_privacy.install()
form_pass_ahead.install()
