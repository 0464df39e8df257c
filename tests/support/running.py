"""Running our algorithms in tests, the two ways QGIS runs them.

``run_algorithm`` goes through ``processing.run`` (the Python entry point of the toolbox, the console
and scripts); ``run_checked`` checks the parameters and calls the C++ ``QgsProcessingAlgorithm.run``,
as the Processing dialog and ``qgis_process`` do.
"""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from tests.support.feedback import RecordingFeedback


def qualified(algorithm_id: str) -> str:
    """``scorecandidates`` as ``evplanner:scorecandidates``; a qualified id stays as it is."""
    return algorithm_id if ":" in algorithm_id else f"evplanner:{algorithm_id}"


def to_memory(params: dict, *outputs: str) -> dict:
    """``params`` with the given outputs (default ``OUTPUT``) as temporary layers unless they name one."""
    return {**dict.fromkeys(outputs or ("OUTPUT",), "memory:"), **params}


def run_algorithm(algorithm_id: str, params: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    """``processing.run`` with a fresh context; raises the algorithm's QgsProcessingException."""
    import processing

    return processing.run(
        qualified(algorithm_id),
        params,
        context=QgsProcessingContext(),
        feedback=feedback if feedback is not None else QgsProcessingFeedback(),
    )


def run_recorded(algorithm_id: str, params: dict) -> tuple[dict, RecordingFeedback]:
    """``run_algorithm`` with a RecordingFeedback; returns the results and the feedback."""
    feedback = RecordingFeedback()
    return run_algorithm(algorithm_id, params, feedback), feedback


def run_logged(algorithm_id: str, params: dict) -> tuple[dict, str]:
    """``run_algorithm``; returns the results and the text of the Processing log."""
    feedback = QgsProcessingFeedback()
    return run_algorithm(algorithm_id, params, feedback), feedback.textLog()


def run_checked(algorithm_id: str, params: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    """Check the parameters, then run through the C++ ``QgsProcessingAlgorithm.run``, as Processing does."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(qualified(algorithm_id))
    assert algorithm is not None, algorithm_id
    context = QgsProcessingContext()
    ok, message = algorithm.checkParameterValues(params, context)
    if not ok:
        raise QgsProcessingException(message)
    feedback = feedback if feedback is not None else RecordingFeedback()
    results, ok = QgsProcessingAlgorithm.run(algorithm, params, context, feedback, {}, False)
    assert ok
    return results
