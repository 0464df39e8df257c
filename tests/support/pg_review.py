"""A PostgreSQL review on the throwaway cluster, with the logins of a small municipal team.

``TeamDatabase`` is one database per test module: an administrator ``evp_admin`` who may
create schemas and roles (not a superuser, as a municipal review administrator is), and
four colleagues. ``new_review`` creates a review schema (departments Mobiliteit and
Netbeheer) and grants each colleague their role:

- ``ann``: Mobiliteit; ``bob``: Netbeheer; ``coco``: coordinator; ``dirk``: no role at all.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ev_planner.core.review.pg_target import PostgresTarget, parse_review_target
from ev_planner.core.review.postgres import PostgresReviewStore, create_postgres_review
from ev_planner.core.review.states import ReviewConfig
from ev_planner.core.review.store import LocationInput

ADMIN = "evp_admin"
PASSWORDS = {
    ADMIN: "adm1n-Pa55 'quoted'",
    "ann": "ann-S3cret-pw",
    "bob": "bob-S3cret-pw",
    "coco": "coco-S3cret-pw",
    "dirk": "dirk-S3cret-pw",
}
MEMBERSHIP = {"ann": "mobiliteit", "bob": "netbeheer", "coco": "coordinator"}
DEPARTMENTS = ("Mobiliteit", "Netbeheer")
_databases = itertools.count(1)


def team_locations(count: int = 3) -> List[LocationInput]:
    return [
        LocationInput(
            f"L{i}", 84000.0 + 10 * i, 447000.0 + 5 * i, {"score": 0.5 + i, "address": f"Markt {i}"}
        )
        for i in range(1, count + 1)
    ]


@dataclass
class TeamDatabase:
    cluster: object
    dbname: str
    _schemas: itertools.count = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def create(cls, cluster) -> TeamDatabase:
        dbname = f"gemeente{next(_databases)}"
        cluster.create_database(dbname)
        for user, password in PASSWORDS.items():
            result = cluster.psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{user}'", "postgres")
            if "1" not in result.stdout.split():
                cluster.create_login(user, password)
        # What docs/review_postgres.md asks of the DBA: CREATEROLE and CREATE on the database for
        # the review administrator, and CREATE on public once, so QGIS can make layer_styles there.
        cluster.psql(
            f"ALTER ROLE {ADMIN} CREATEROLE; GRANT CREATE ON DATABASE {dbname} TO {ADMIN}; "
            f"GRANT CREATE ON SCHEMA public TO {ADMIN};",
            dbname,
        )
        return cls(cluster, dbname)

    def uri(self, schema: str, user: str = ADMIN) -> str:
        return f"postgresql://{user}@{self.cluster.host}:{self.cluster.port}/{self.dbname}?schema={schema}"

    def target(self, schema: str, user: str = ADMIN) -> PostgresTarget:
        return parse_review_target(self.uri(schema, user))

    def store(self, schema: str, user: str = ADMIN) -> PostgresReviewStore:
        return PostgresReviewStore(self.target(schema, user), password=PASSWORDS[user])

    def new_review(
        self,
        locations: Optional[List[LocationInput]] = None,
        config: Optional[ReviewConfig] = None,
        members: Optional[Dict[str, str]] = None,
    ) -> str:
        """A new review schema with the team's memberships; returns the schema."""
        schema = f"review{next(self._schemas)}"
        create_postgres_review(
            self.target(schema),
            locations or team_locations(),
            config or ReviewConfig.from_names(list(DEPARTMENTS)),
            "EPSG:28992",
            password=PASSWORDS[ADMIN],
        )
        grants = [f"GRANT {schema}_{role} TO {user};" for user, role in (members or MEMBERSHIP).items()]
        result = self.cluster.psql("\n".join(grants), self.dbname, ADMIN, PASSWORDS[ADMIN])
        assert result.returncode == 0, result.stderr
        return schema

    def psql(self, sql: str, user: str = ADMIN):
        return self.cluster.psql(sql, self.dbname, user, PASSWORDS[user])
