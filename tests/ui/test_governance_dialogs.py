"""Risk governance dialogs: risk decisions, verification of finished work, the board policy."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from kanban_sec.domain.governance import Decision, Verdict
from kanban_sec.domain.model import Classification, Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.session import Session
from kanban_sec.store.unit_of_work import reading
from kanban_sec.ui import policy_dialog, risk_dialog, verify_dialog
from kanban_sec.ui.policy_dialog import PolicyDialog
from kanban_sec.ui.risk_dialog import RiskDialog
from kanban_sec.ui.verify_dialog import VerifyDialog

TODAY = date(2026, 6, 1)
RISK_OWNER = "Astrid Myklebust"  # governing, Helseetaten / Hjemmetjenesten
OPERATIONAL = "Henrik Dahl"  # operational, Plattform / Team Integrasjon
CONTROLLER = "Trude Fossum"  # controlling, Internkontroll
#: A Medisindispenser item (risk owner: Hjemmetjenesten) in the yellow band (2 × 5).
YELLOW_ITEM = "Rutine for firmwareoppdatering av dispensere"
#: A Medisindispenser item in the red band (4 × 4), which cannot be accepted.
RED_ITEM = "Patcheregime for nettbrett i hjemmetjenesten"
#: An item in doing, moved to verify by the tests.
DOING_ITEM = "Uforanderlig sikkerhetskopi (immutable backup)"


def gov(db, name: str) -> GovernanceService:
    return GovernanceService(Session(db, name, "en", today=lambda: TODAY))


def item_id(db, title: str) -> str:
    with reading(db) as reader:
        return next(i.id for i in reader.items() if i.title == title)


def person_id(db, name: str) -> str:
    with reading(db) as reader:
        return next(p.id for p in reader.people().values() if p.name == name)


def chain_id(db, name: str) -> str:
    with reading(db) as reader:
        return next(c.id for c in reader.chains().values() if c.name == name)


def button(dialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


@pytest.fixture
def errors(monkeypatch):
    """What the dialogs would show as error dialogs."""
    shown: list[object] = []

    def capture(_parent, error, _title=None):
        shown.append(error)

    for module in (risk_dialog, verify_dialog, policy_dialog):
        monkeypatch.setattr(module, "show_error", capture)
    return shown


def in_verify(db) -> str:
    target = item_id(db, DOING_ITEM)
    BoardService(Session(db, OPERATIONAL, "en")).move(target, Status.VERIFY)
    return target


# -- risk decisions ---------------------------------------------------------------------------


def test_the_risk_owner_accepts_a_risk_until_a_date(qtbot, db, errors):
    target = item_id(db, YELLOW_ITEM)
    dialog = RiskDialog(gov(db, RISK_OWNER), item_id=target)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "risk-dialog"
    assert YELLOW_ITEM in dialog.subject_label.text()
    assert "Medisindispenser" in dialog.owner_label.text()
    assert "Eksempel kommune / Helseetaten / Hjemmetjenesten" in dialog.owner_label.text()
    assert "2" in dialog.matrix_label.text() and "yellow" in dialog.matrix_label.text()
    assert dialog.in_force_label.text() == "No decision in force."
    decide = button(dialog, "decide-button")
    assert decide.isEnabled()

    choice = dialog.findChild(type(dialog.decision_choice), "decision-choice")
    choice.setCurrentIndex(choice.findData(Decision.ACCEPT.value))
    valid_until = dialog.valid_until
    assert valid_until.objectName() == "valid-until" and valid_until.isEnabled()
    assert valid_until.date() == QDate(2027, 6, 1)  # a year from today by default
    valid_until.setDate(QDate(2027, 3, 31))
    dialog.rationale.setPlainText("The new dispensers arrive in March; a routine until then.")
    with qtbot.waitSignal(dialog.applied) as signal:
        qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)
    assert signal.args[0].changed and not errors

    stored = gov(db, RISK_OWNER).decisions(item_id=target)
    assert len(stored) == 1
    case = stored[0]
    assert case.decision is Decision.ACCEPT
    assert case.rationale == "The new dispensers arrive in March; a routine until then."
    assert case.valid_until == date(2027, 3, 31)
    assert case.decided_by == person_id(db, RISK_OWNER)
    assert gov(db, RISK_OWNER).current(target).id == case.id
    # The dialog shows it: in force, and as the newest case.
    assert "Accept" in dialog.in_force_label.text()
    assert dialog.cases_table.rowCount() == 1
    assert "Astrid Myklebust" in dialog.cases_table.item(0, 2).text()
    assert dialog.rationale.toPlainText() == ""

    # Withdrawing takes it back (after a confirmation).
    dialog.cases_table.selectRow(0)
    withdraw = button(dialog, "withdraw-button")
    assert withdraw.isEnabled()
    qtbot.mouseClick(withdraw, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "confirm-dialog")
    assert box is not None
    with qtbot.waitSignal(dialog.applied):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert gov(db, RISK_OWNER).decisions(item_id=target) == []
    assert dialog.cases_table.rowCount() == 0


def test_only_acceptance_takes_a_valid_until_date(qtbot, db):
    dialog = RiskDialog(gov(db, RISK_OWNER), item_id=item_id(db, YELLOW_ITEM))
    qtbot.addWidget(dialog)
    choice = dialog.decision_choice
    choice.setCurrentIndex(choice.findData(Decision.REDUCE.value))
    assert not dialog.valid_until.isEnabled()
    dialog.rationale.setPlainText("We do the work this quarter.")
    with qtbot.waitSignal(dialog.applied):
        button(dialog, "decide-button").click()
    case = gov(db, RISK_OWNER).decisions(item_id=dialog.item_id)[0]
    assert case.decision is Decision.REDUCE and case.valid_until is None


def test_an_operational_member_recommends_but_does_not_decide(qtbot, db, errors):
    target = item_id(db, YELLOW_ITEM)
    dialog = RiskDialog(gov(db, OPERATIONAL), item_id=target)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not button(dialog, "decide-button").isEnabled()
    assert not dialog.rationale.isEnabled() and not dialog.valid_until.isEnabled()
    assert "Eksempel kommune / Helseetaten / Hjemmetjenesten" in dialog.decide_note.text()
    recommend = button(dialog, "recommend-button")
    assert recommend.isEnabled()

    choice = dialog.findChild(type(dialog.recommendation_choice), "recommendation-choice")
    choice.setCurrentIndex(choice.findData(Decision.ACCEPT.value))
    dialog.recommendation_note.setPlainText("Low likelihood: the vendor patches quarterly.")
    with qtbot.waitSignal(dialog.applied):
        qtbot.mouseClick(recommend, Qt.MouseButton.LeftButton)
    assert not errors
    case = gov(db, OPERATIONAL).decisions(item_id=target)[0]
    assert case.recommendation is Decision.ACCEPT and case.decision is None
    assert case.recommended_by == person_id(db, OPERATIONAL)
    assert case.recommendation_note == "Low likelihood: the vendor patches quarterly."
    assert "awaiting" in dialog.cases_table.item(0, 2).text()

    # The risk owner finds IT's recommendation chosen, and decides on the same case.
    owner = RiskDialog(gov(db, RISK_OWNER), item_id=target)
    qtbot.addWidget(owner)
    assert owner.decision_choice.currentData() == Decision.ACCEPT.value
    owner.rationale.setPlainText("Agreed with IT.")
    with qtbot.waitSignal(owner.applied):
        button(owner, "decide-button").click()
    [case] = gov(db, RISK_OWNER).decisions(item_id=target)
    assert case.recommendation is Decision.ACCEPT and case.decision is Decision.ACCEPT


def test_a_controller_neither_recommends_nor_decides(qtbot, db):
    dialog = RiskDialog(gov(db, CONTROLLER), item_id=item_id(db, YELLOW_ITEM))
    qtbot.addWidget(dialog)
    assert not button(dialog, "recommend-button").isEnabled()
    assert not button(dialog, "decide-button").isEnabled()
    assert dialog.recommend_note.text() and dialog.decide_note.text()


def test_a_decision_without_rationale_or_in_the_red_band_writes_nothing(qtbot, db, errors):
    target = item_id(db, RED_ITEM)
    dialog = RiskDialog(gov(db, RISK_OWNER), item_id=target)
    qtbot.addWidget(dialog)
    dialog.decision_choice.setCurrentIndex(dialog.decision_choice.findData("accept"))
    button(dialog, "decide-button").click()
    assert len(errors) == 1 and "rationale" in str(errors[0])
    dialog.rationale.setPlainText("We live with it.")
    button(dialog, "decide-button").click()
    assert len(errors) == 2 and "red" in errors[1].message("en")
    assert gov(db, RISK_OWNER).decisions(item_id=target) == []
    assert dialog.rationale.toPlainText() == "We live with it."  # kept to be corrected


def test_a_chain_decision_shows_on_the_chains_items(qtbot, db):
    chain = chain_id(db, "Medisindispenser")
    dialog = RiskDialog(gov(db, RISK_OWNER), chain_id=chain)
    qtbot.addWidget(dialog)
    assert "whole chain" in dialog.subject_label.text()
    dialog.rationale.setPlainText("Reduce across the chain this year.")
    with qtbot.waitSignal(dialog.applied):
        button(dialog, "decide-button").click()
    item = RiskDialog(gov(db, OPERATIONAL), item_id=item_id(db, YELLOW_ITEM))
    qtbot.addWidget(item)
    assert item.cases_table.item(0, 0).text() == "Whole chain"
    assert "Reduce" in item.in_force_label.text()
    assert "whole chain" in item.in_force_label.text()


# -- verification ---------------------------------------------------------------------------


def test_a_controller_approves_finished_work_with_evidence(qtbot, db, errors):
    target = in_verify(db)
    dialog = VerifyDialog(gov(db, CONTROLLER), target)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "verify-dialog"
    assert "requires verification" in dialog.policy_label.text()  # score ≥ 30
    evidence = dialog.findChild(type(dialog.evidence), "evidence")
    evidence.setPlainText("https://wiki.example/backup/restore-test-2026")
    approve = button(dialog, "approve-button")
    assert approve.isEnabled()
    with qtbot.waitSignal(dialog.applied):
        qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    assert not errors
    assert dialog.result() == dialog.DialogCode.Accepted
    with reading(db) as reader:
        assert reader.item(target).status is Status.DONE
    [verification] = gov(db, CONTROLLER).verifications(target)
    assert verification.verdict is Verdict.APPROVED
    assert verification.verified_by == person_id(db, CONTROLLER)
    assert verification.evidence == "https://wiki.example/backup/restore-test-2026"


def test_a_controller_sends_work_back_and_sees_it_next_time(qtbot, db):
    target = in_verify(db)
    dialog = VerifyDialog(gov(db, CONTROLLER), target)
    qtbot.addWidget(dialog)
    dialog.evidence.setPlainText("No restore test of the database yet.")
    with qtbot.waitSignal(dialog.applied):
        button(dialog, "reject-button").click()
    with reading(db) as reader:
        assert reader.item(target).status is Status.DOING
    in_verify(db)
    again = VerifyDialog(gov(db, CONTROLLER), target)
    qtbot.addWidget(again)
    assert again.history.rowCount() == 1
    assert again.history.item(0, 1).text() == CONTROLLER
    assert again.history.item(0, 2).text() == "Sent back"
    assert "No restore test" in again.history.item(0, 3).text()


def test_empty_evidence_shows_an_error_and_writes_nothing(qtbot, db, errors):
    target = in_verify(db)
    dialog = VerifyDialog(gov(db, CONTROLLER), target)
    qtbot.addWidget(dialog)
    dialog.evidence.setPlainText("   ")
    button(dialog, "approve-button").click()
    button(dialog, "reject-button").click()
    assert len(errors) == 2
    assert gov(db, CONTROLLER).verifications(target) == []
    with reading(db) as reader:
        assert reader.item(target).status is Status.VERIFY
    assert dialog.result() != dialog.DialogCode.Accepted


def test_an_operational_member_cannot_verify(qtbot, db):
    dialog = VerifyDialog(gov(db, OPERATIONAL), in_verify(db))
    qtbot.addWidget(dialog)
    assert not button(dialog, "approve-button").isEnabled()
    assert not button(dialog, "reject-button").isEnabled()
    assert "controlling" in dialog.rights.text()


def test_an_item_outside_verify_cannot_be_approved(qtbot, db):
    dialog = VerifyDialog(gov(db, CONTROLLER), item_id(db, DOING_ITEM))
    qtbot.addWidget(dialog)
    assert not button(dialog, "approve-button").isEnabled()
    assert "Doing" in dialog.rights.text()


# -- the board policy --------------------------------------------------------------------------


def test_a_governing_member_saves_the_policy(qtbot, db, errors):
    dialog = PolicyDialog(gov(db, RISK_OWNER))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "policy-dialog"
    min_score = dialog.findChild(type(dialog.min_score), "min-score")
    assert min_score.value() == 30 and min_score.isEnabled()
    min_score.setValue(40)
    dialog.classes[Classification.INTERNAL].setChecked(True)
    save = button(dialog, "save-policy")
    with qtbot.waitSignal(dialog.applied):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not errors
    policy = gov(db, RISK_OWNER).policy()
    assert policy.verify_min_score == 40
    assert policy.verify_classifications == {Classification.INTERNAL, Classification.CONFIDENTIAL}

    again = PolicyDialog(gov(db, RISK_OWNER))
    qtbot.addWidget(again)
    assert again.min_score.value() == 40
    again.score_rule.setChecked(False)
    assert not again.min_score.isEnabled()
    with qtbot.waitSignal(again.applied):
        button(again, "save-policy").click()
    assert gov(db, RISK_OWNER).policy().verify_min_score is None


def test_the_policy_is_read_only_for_an_operational_member(qtbot, db):
    dialog = PolicyDialog(gov(db, OPERATIONAL))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not button(dialog, "save-policy").isEnabled()
    assert not dialog.min_score.isEnabled() and not dialog.score_rule.isEnabled()
    assert not any(box.isEnabled() for box in dialog.classes.values())
    assert dialog.rights.isVisible() and "governing" in dialog.rights.text()


def test_a_governing_member_sets_wip_limits_in_the_policy(qtbot, db, errors):
    from PySide6.QtWidgets import QCheckBox, QSpinBox

    from kanban_sec.domain.model import Status

    dialog = PolicyDialog(gov(db, RISK_OWNER))
    qtbot.addWidget(dialog)
    dialog.show()
    doing = dialog.findChild(QSpinBox, "wip-doing")
    assert doing.value() == 5  # the example board's limit
    doing.setValue(3)
    dialog.findChild(QCheckBox, "wip-hard-doing").setChecked(True)
    dialog.findChild(QSpinBox, "wip-next").setValue(0)  # "no limit"
    with qtbot.waitSignal(dialog.applied):
        button(dialog, "save-policy").click()
    assert not errors
    limits = gov(db, OPERATIONAL).wip_limits()
    assert limits[Status.DOING] == (3, True) and limits[Status.NEXT][0] is None

    read_only = PolicyDialog(gov(db, OPERATIONAL))
    qtbot.addWidget(read_only)
    assert not read_only.findChild(QSpinBox, "wip-doing").isEnabled()
    assert "WIP limits" in read_only.rights.text()
