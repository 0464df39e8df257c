"""Charge-point sources: OCPI (API and dumps), Open Charge Map, OpenStreetMap, and their merge.

Every source module turns its input into records of the common schema
(:mod:`ev_planner.core.schema`); :mod:`.merge` combines them into one
feature per physical location.
"""
