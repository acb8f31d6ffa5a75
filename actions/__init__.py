"""Custom actions and form validation of the complaint-intake bot (rasa-sdk).

rasa-sdk has no start-up hook for user code: the action server imports this package once,
after it has set up logging, so this is where customers' contacts get masked in its logs.
"""

from bot import log_privacy

log_privacy.install()
