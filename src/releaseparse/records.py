"""The output contract (SPEC.md) as pydantic v2 models: the single source of truth.

`releaseparse schema` prints the JSON Schema generated from `Release`; the committed copy in
`schema/release.schema.json` is checked against it by the tests, so the contract only changes on
purpose. Keys are never renamed or dropped without a new major `schema_version`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
SessionStatus = Literal["classified", "DNF", "DNS", "DSQ", "NC", "RET"]
StandingsCategory = Literal["drivers", "teams", "manufacturers", "co-drivers", "other"]
EventRole = Literal["reported", "upcoming", "past"]


class Record(BaseModel):
    """Base: unknown keys are an error, so a typo never silently loses a value."""

    model_config = ConfigDict(extra="forbid")


class Source(Record):
    path: str | None = Field(None, description="Path of the input file as given; null for stdin.")
    format: str = Field(description="Format the text was read from: txt, docx, pdf, rtf, html, odt, md.")
    encoding: str | None = Field(None, description="Text encoding found for plain-text inputs.")
    bytes: int = Field(description="Size of the source in bytes.")


class Event(Record):
    role: EventRole = Field(description="reported: the event the release is about; upcoming/past: others it dates.")
    series: str | None = Field(None, description="Series short name, e.g. WTCR.")
    name: str | None = Field(None, description="Event name where the release gives one, e.g. Portuguese Grand Prix.")
    round: int | None = Field(None, description="Round number within the season.")
    rounds_total: int | None = Field(None, description="Number of rounds in the season.")
    circuit: str | None = Field(None, description="Circuit name as the release writes it.")
    location: str | None = Field(None, description="Town or city of the circuit.")
    country: str | None = Field(None, description="Country in English.")
    start: date | None = Field(None, description="First day, ISO 8601; null where the release gives no year.")
    end: date | None = Field(None, description="Last day, ISO 8601.")
    span: Span = Field(description="[start, end) of the date or event mention in `text`.")


class Person(Record):
    name: str = Field(description="Full name, the fullest form the release gives anywhere.")
    nationality: str | None = Field(None, description="Three-letter motorsport code (FRA, SWE, DEU).")
    roles: list[str] = Field(default_factory=list, description="driver, co-driver, rider, team_principal, …")
    team: str | None = Field(None, description="Team the release ties the person to.")
    mentions: list[Span] = Field(description="Every mention of the person in `text`.")


class Team(Record):
    name: str = Field(description="Team or entrant name as written.")
    mentions: list[Span] = Field(description="Every mention of the team in `text`.")


class Result(Record):
    driver: str = Field(description="Full name of the driver or rider.")
    session: str = Field(description="Normalised session code: FP1, Q, RACE1, STAGE7, FINAL …")
    session_label: str = Field(description="The release's own words for the session.")
    position: int | None = Field(None, description="Finishing position; null when not classified.")
    classification: str | None = Field(None, description="null for the overall order, else the class or cup.")
    status: SessionStatus = Field("classified", description="classified, DNF, DNS, DSQ, NC or RET.")
    event_index: int | None = Field(None, description="Index into `events` of the event the result belongs to.")
    span: Span = Field(description="[start, end) of the evidence in `text`.")


class Quote(Record):
    speaker: str | None = Field(description="Full name of the speaker; null where the release does not say.")
    text: str = Field(description="The quoted words, without quotation marks or attribution.")
    span: Span = Field(description="[start, end) of the quoted words in `text`.")


class StandingsRow(Record):
    position: int = Field(description="Position in the table, real even after an elision line.")
    name: str = Field(description="Driver, team or manufacturer.")
    nationality: str | None = Field(None, description="Three-letter code; null where the table gives none.")
    points: float | None = Field(None, description="Points as printed.")
    span: Span = Field(description="[start, end) of the row in `text`.")


class Standings(Record):
    title: str | None = Field(None, description="The table's heading as written.")
    championship: str | None = Field(None, description="Championship name from the heading.")
    category: StandingsCategory = Field(description="drivers, teams, manufacturers, co-drivers or other.")
    season: int | None = Field(None, description="Season year of the table.")
    after_round: int | None = Field(None, description="Rounds run when the table was made.")
    rounds_total: int | None = Field(None, description="Rounds in the season.")
    rows: list[StandingsRow] = Field(description="Rows in printed order.")
    span: Span = Field(description="[start, end) of the whole table in `text`.")


class ParseWarning(Record):
    code: str = Field(description="Stable machine-readable code, e.g. standings.points_order.")
    message: str = Field(description="What was noticed, for a person.")
    span: Span | None = Field(None, description="Where in `text`, if anywhere.")


class Release(Record):
    schema_version: str = Field(SCHEMA_VERSION, description="Version of this contract.")
    id: str = Field(description="sha256 of the source bytes, hex.")
    source: Source = Field(description="Where the text came from.")
    language: str = Field("en", description="Language of the release, ISO 639-1.")
    text: str = Field(description="The cleaned text that every span points into.")
    title: str | None = Field(None, description="Headline of the release.")
    published: date | None = Field(None, description="Publication date the release states (dateline).")
    season: int | None = Field(None, description="Season the release reports on.")
    events: list[Event] = Field(default_factory=list, description="The reported event and any other dated events.")
    people: list[Person] = Field(default_factory=list, description="Every person named.")
    teams: list[Team] = Field(default_factory=list, description="Every team or entrant named.")
    results: list[Result] = Field(default_factory=list, description="Session results, overall and by class.")
    quotes: list[Quote] = Field(default_factory=list, description="Quotes with their speakers.")
    standings: list[Standings] = Field(default_factory=list, description="Championship tables.")
    links: list[str] = Field(default_factory=list, description="Every URL in the release.")
    credits: list[str] = Field(default_factory=list, description="Photo credits.")
    warnings: list[ParseWarning] = Field(default_factory=list, description="What the parser noticed but could not settle.")

    @model_validator(mode="after")
    def _spans_inside_text(self) -> "Release":
        """Every span must point into `text`; a bad span is a bug, so it raises rather than hides."""
        n = len(self.text)
        for start, end in _all_spans(self):
            if not 0 <= start <= end <= n:
                raise ValueError(f"span [{start}, {end}) outside text of length {n}")
        return self


def _all_spans(release: Release):
    for event in release.events:
        yield event.span
    for person in release.people:
        yield from person.mentions
    for team in release.teams:
        yield from team.mentions
    for item in (*release.results, *release.quotes):
        yield item.span
    for table in release.standings:
        yield table.span
        for row in table.rows:
            yield row.span
    for warning in release.warnings:
        if warning.span is not None:
            yield warning.span


def json_schema() -> dict:
    """The JSON Schema of one release, as `releaseparse schema` prints it."""
    return Release.model_json_schema()
