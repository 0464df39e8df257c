"""Support code shared by the tests: recording feedback, run helpers, layers and crafted inputs.

Import from the modules named for their job, e.g. ``from tests.support.feedback import RecordingFeedback``.
"""
