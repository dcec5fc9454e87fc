"""The kinds of note the rules used to miss (or flag wrongly) on notes written outside the project.

Every case is a note of its own in one real records repository, validated once; each test asks
whether the finding a careful editor expects is there (or, for a hard negative, is not).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from flagsite.repository import load_repository

from .conftest import BASE_CUSTOMER

# (case, rule, expected?, note fields): the account holder is Alexander Erickson.
CASES: list[tuple[str, str, bool, dict[str, Any]]] = [
    # Opinion without a trigger phrase.
    ("unable-to-grasp", "P305", True, {"reason": "Rang about the invoice, seemed unable to grasp the concept of a deposit."}),
    ("clearly-losing-it", "P305", True, {"reason": "Complaining about the noise upstairs, clearly losing it over a washing machine."}),
    ("precious-if-you-ask-me", "P305", True, {"reason": "Wants a refund because the lead actor was off sick, a bit precious about it if you ask me."}),
    ("super-pushy", "P305", True, {"reason": "Asked for a refund of the May fee. Super pushy about it."}),
    ("english-not-great", "P305", True, {"reason": "Asked for an upgrade with points; her English isn't great so it took a while."}),
    ("feels-like-nobody-reads", "P305", True, {"reason": "Disputed the late cancellation fee. Feels like nobody reads our emails."}),
    ("reported-feeling", "P305", False, {"reason": "Said she was unhappy with the delay to the refund of order 2231."}),
    # Derogatory terms beyond the list.
    ("miserable-old-git", "P304", True, {"reason": "Says the neighbour is a miserable old git who parks in his bay."}),
    ("old-dear", "P304", True, {"reason": "Old dear complained about the radio in the waiting room."}),
    ("to-shut-her-up", "P304", True, {"reason": "Flight delayed five hours.", "resolution": ["Gave her a meal voucher to shut her up."]}),
    # Contacts that are not names.
    ("mrs-r", "P101", True, {"contact": {"name": "Mrs R"}}),
    ("mr-k", "P101", True, {"contact": {"name": "Mr K"}}),
    ("tenant", "P101", True, {"contact": {"name": "Tenant"}}),
    ("carer", "P101", True, {"contact": {"name": "Carer"}}),
    ("school-office", "P101", True, {"contact": {"name": "School office"}}),
    ("it-helpdesk", "P101", True, {"contact": {"name": "IT Helpdesk"}}),
    ("pa", "P101", True, {"contact": {"name": "PA"}}),
    ("his-pa", "P101", True, {"contact": {"name": "His PA"}}),
    ("her-gp", "P101", True, {"contact": {"name": "Her GP"}}),
    ("role-not-relationship", "P102", True, {"contact": {"name": "Carer"}}),
    # A stand-in that plainly names someone else is P102 too; one that may be the holder is P101's alone.
    ("stepdaughter", "P102", True, {"contact": {"name": "Stepdaughter"}}),
    ("night-porter", "P102", True, {"contact": {"name": "Night porter"}}),
    ("bandmate", "P102", True, {"contact": {"name": "Bandmate"}}),
    ("parish-clerk", "P102", True, {"contact": {"name": "Parish clerk"}}),
    ("chap-from-the-council", "P102", True, {"contact": {"name": "Chap from the parish council"}}),
    ("another-surname-initial", "P102", True, {"contact": {"name": "Ms T."}}),
    ("leaseholder", "P102", False, {"contact": {"name": "Leaseholder"}}),
    ("policyholder", "P102", False, {"contact": {"name": "Policyholder"}}),
    ("season-ticket-holder", "P102", False, {"contact": {"name": "Season ticket holder"}}),
    ("hire-customer", "P102", False, {"contact": {"name": "Hire customer"}}),
    ("lodger", "P102", False, {"contact": {"name": "Lodger"}}),
    ("holders-surname-initial", "P102", False, {"contact": {"name": "Mr E."}}),
    ("leaseholder-is-a-stand-in", "P101", True, {"contact": {"name": "Leaseholder"}}),
    ("chap-from-the-council-is-a-stand-in", "P101", True, {"contact": {"name": "Chap from the parish council"}}),
    ("occupation-surname", "P101", False, {"contact": {"name": "Emma Baker", "relationship": "carer of the account holder"}}),
    ("same-surname-relative", "P102", True, {"contact": {"name": "Maria Erickson"}}),
    # The holder's name surname first; someone who may be the holder acting or asking for a relative, in other grammar.
    ("surname-first", "P102", False, {"contact": {"name": "Erickson, Alexander"}}),
    ("surname-first-capitals", "P102", False, {"contact": {"name": "ERICKSON ALEXANDER"}}),
    ("about-his-wifes-test", "P102", True, {"contact": {"name": "Mr Erickson"}, "reason": "Enquiring about his wife's eye test results."}),
    ("his-daughters-lesson", "P102", True, {"contact": {"name": "Erickson"}, "reason": "Wants to bring his daughter's piano lesson forward to 4pm."}),
    ("purpose-for-his-mum", "P102", True, {"contact": {"name": "Mr Erickson"}, "reason": "Rang to rebook the chimney sweep for his mum as she is away that week."}),
    ("son-of-the-holder", "P102", True, {"contact": {"name": "Mr Erickson"}, "reason": "Son of the account holder, wanted to know when the stairlift service is due."}),
    ("in-touch-for-his-missus", "P102", True, {"contact": {"name": "Erickson"}, "reason": "Got in touch for his missus about the gutter clearance."}),
    ("on-behalf-of-a-title", "P102", True, {"contact": {"name": "Mr Erickson"}, "reason": "Rang on behalf of Mrs Erickson to cancel Thursday's cleaning visit."}),
    ("her-husbands-car", "P102", False, {"contact": {"name": "Mrs Erickson"}, "reason": "Asked whether her husband's car can be parked in the bay during the works."}),
    ("power-of-attorney-for-her-mother", "P102", False, {"contact": {"name": "Mrs Erickson"}, "reason": "Asked what a power of attorney for her mother would involve."}),
    # Vague reasons in other registers: a talk verb in its base form, bits to sort, a follow-up pointing back in time, feedback.
    ("ask-something", "P103", True, {"reason": "Wanted to ask something about her renewal."}),
    ("couple-of-bits", "P103", True, {"reason": "Had a couple of bits to sort out on the account."}),
    ("following-up-last-tuesday", "P103", True, {"reason": "Following up on her call from last Tuesday."}),
    ("checking-progress", "P103", True, {"reason": "Checking on the progress of things."}),
    ("what-happened-friday", "P103", True, {"reason": "Ringing about what happened on Friday."}),
    ("left-feedback", "P103", True, {"reason": "Left some feedback."}),
    ("leak-since-last-week", "P103", False, {"reason": "Kitchen tap leaking since last week, worse at night."}),
    ("following-the-storm", "P103", False, {"reason": "Following the storm the fence panels by the shed have blown down."}),
    ("slow-progress-on-the-loft", "P103", False, {"reason": "Worried about slow progress on the loft extension."}),
    # Empty resolutions.
    ("noted", "P104", True, {"resolution": ["Noted."]}),
    ("replied", "P104", True, {"resolution": ["Replied."]}),
    ("given", "P104", True, {"resolution": ["Given."]}),
    ("added-to-note", "P104", True, {"resolution": ["Added to note."]}),
    ("taken-care-of", "P104", True, {"resolution": ["Taken care of."]}),
    ("short-but-real", "P104", False, {"resolution": ["Replied with the signed agreement."]}),
    # Empty resolutions in other registers: a second language, a record closed, a colleague unnamed, a call alone.
    ("problem-is-finish", "P104", True, {"resolution": ["The problem is finish now."]}),
    ("sorted-straight-away", "P104", True, {"resolution": ["Sorted straight away."]}),
    ("holders-concern-addressed", "P104", True, {"resolution": ["Mr Erickson's concern has been addressed."]}),
    ("ticket-closed-on-the-system", "P104", True, {"resolution": ["Ticket closed on the system."]}),
    ("investigated-fully", "P104", True, {"resolution": ["Investigated fully and resolved."]}),
    ("asked-my-supervisor", "P104", True, {"resolution": ["Asked my supervisor and got it sorted."]}),
    ("phoned-him", "P104", True, {"resolution": ["Phoned him."]}),
    ("investigated-the-leak", "P104", False, {"resolution": ["Investigated the leak and resealed the shower tray."]}),
    ("reprinted-the-ticket", "P104", False, {"resolution": ["Reprinted her ticket for Saturday's show."]}),
    ("supervisor-approved", "P104", False, {"resolution": ["My supervisor approved waiving the call-out fee."]}),
    # Promises without a follow-up.
    ("will-let-them-know", "P105", True, {"resolution": ["Not announced yet; will let them know as soon as they are."]}),
    ("will-check-again-monday", "P105", True, {"resolution": ["Logged it. Will check again monday with the contractor."]}),
    ("ring-him-the-week-before", "P105", True, {"resolution": ["Valve ordered; will ring him the week before to book the fitting."]}),
    ("colleague-to-ring-internal", "P105", True, {"internal": "Helen to ring him back about the warranty."}),
    ("customer-will-call", "P105", False, {"resolution": ["Explained the options; he will call back if he wants to go ahead."]}),
    ("present-tense-with-a-day", "P105", True, {"resolution": ["I check the stock and I phone him on Tuesday."]}),
    ("colleague-on-the-way", "P105", True, {"resolution": ["Kofi is popping round tomorrow to reset the meter."]}),
    ("typed-on-a-phone", "P105", True, {"resolution": ["no stock, gonna ask the depot n txt him back"]}),
    ("told-would-visit", "P105", True, {"resolution": ["Told him a surveyor would visit next week."]}),
    ("customer-left-out-after-comma", "P105", False, {"resolution": ["Customer satisfied, will email us if the fault returns."]}),
    ("request-to-us", "P105", False, {"reason": "Email from his bank asking us to confirm the direct debit date."}),
    ("a-habit", "P105", False, {"resolution": ["Told him we collect bins on Mondays in his area."]}),
    ("smoke-coming-back", "P105", False, {"reason": "Smoke is coming back into the room on windy days."}),
    ("colleague-by-name-any-act", "P105", True, {"resolution": ["Checked the stock. Bronwen will reorder the blue tiles."]}),
    ("thing-to-follow", "P105", True, {"resolution": ["Measured the bay window; estimate to follow by post."]}),
    ("handed-to-a-colleague", "P105", True, {"resolution": ["Left a note for Tariq to ring him about the deposit."]}),
    ("we-will-be-in-touch", "P105", True, {"resolution": ["Part on back order. We'll be in touch when it lands."]}),
    ("the-quote-is-a-thing", "P103", False, {"reason": "Disputes the quote."}),
    ("quote-as-talking", "P103", True, {"reason": "Customer rang, quote: not happy."}),
    ("pronoun-to-another-person", "P105", True, {"resolution": ["Passed to the returns desk; they'll phone him on Monday."]}),
    ("on-it-now-with-a-time", "P105", True, {"resolution": ["Manager agreed a refund; he is ringing her tomorrow morning to arrange it."]}),
    ("she-collects-them", "P105", False, {"resolution": ["The curtains are ready; she will collect them on Saturday."]}),
    ("handed-on-not-promised", "P105", False, {"resolution": ["Turned off the pump and asked maintenance to check the float switch."]}),
    ("team-on-it-with-a-time", "P105", True, {"resolution": ["The returns team are booking a courier for Friday."]}),
    ("explaining-how-it-works", "P105", False, {"resolution": ["Explained the cashier will ask for the receipt number."]}),
    ("a-price-not-a-promise", "P105", False, {"resolution": ["Told him the locksmith will charge a call-out fee after 6pm."]}),
    ("thing-does-it-itself", "P105", False, {"resolution": ["Explained the router will restart itself overnight."]}),
    ("asked-for-it-to-be-sent", "P105", False, {"reason": "Asked for the receipt to be sent to her work address."}),
    # Changes in prose only.
    ("off-the-mailing-list", "P106", True, {"resolution": ["Took her off the mailing list."]}),
    ("reactivated-on-starter", "P106", True, {"resolution": ["Reactivated her account on the Starter plan."]}),
    ("switched-to-annual-billing", "P106", True, {"resolution": ["Switched them to annual billing."]}),
    ("updated-card-details", "P106", True, {"resolution": ["Updated her card details so the renewal goes through."]}),
    ("updated-email-address", "P106", True, {"resolution": ["Updated the email address on the account."]}),
    ("moved-an-appointment", "P106", False, {"resolution": ["Moved the appointment to Thursday at 9:40."]}),
    ("card-message", "P106", False, {"resolution": ["Changed the card message for the bouquet."]}),
    # Amounts in prose only.
    ("fifty-a-month", "P107", True, {"resolution": ["Set up a payment plan of £50 a month."]}),
    ("flu-shot", "P107", True, {"resolution": ["Told her it's $25 for the flu shot."]}),
    ("limit-not-a-sum", "P107", False, {"resolution": ["Explained delivery is free on orders over 50 GBP."]}),
    ("balance-stated", "P107", False, {"resolution": ["Gave the balance of INV-2031, 120.00 USD, due on 2026-06-30."]}),
    # Durable preferences in ordinary notes.
    ("annual-report-by-post", "P108", True, {"reason": "Only wants the annual report by post going forward."}),
    ("one-off-wish", "P108", False, {"reason": "Asked for this month's statement by post as she is away from her email."}),
    ("nobody-should-ring", "P108", True, {"resolution": ["He sleeps days, so nobody should ring the bell before noon."]}),
    ("fitters-are-to", "P108", True, {"resolution": ["Fitters are to use the side gate; the front path is private."]}),
    ("channel-over-channel", "P108", True, {"resolution": ["Sent the renewal. She asks us to email rather than post where possible."]}),
    ("thing-always-does", "P108", False, {"reason": "The garage door always sticks halfway in the cold."}),
    ("fault-every-time", "P108", False, {"reason": "The printer jams every time she prints on both sides."}),
    # Quotes in the colon form.
    ("said-colon", "P303", True, {"reason": "Asked about the inspection. He said: just send whoever is free."}),
    ("told-me-quote", "P303", True, {"reason": "Told me 'I cannot wait another week for this'."}),
    ("quote-inside-report", "P303", True, {"reason": "Said the whole room was 'smelling like a fish market every evening'."}),
    ("quoted-label", "P303", False, {"reason": "Asked what the \"Archive workspace\" button does before clicking it."}),
    # Spelling.
    ("coeliac", "P302", False, {"reason": "Has coeliac disease and asked whether the varnish contains gluten."}),
    ("pre-authorisation", "P302", False, {"reason": "Asked whether the scan needs pre-authorisation from the insurer."}),
    ("pet-name-opens-sentence", "P302", False, {"reason": "Mochi ate a sock on Sunday and has been sick twice since."}),
    ("contact-first-name", "P302", False, {"contact": {"name": "Ngozi Okafor", "relationship": "daughter of the account holder"}, "reason": "Ngozi asked to move her father's delivery to Friday."}),
    ("untill", "P302", True, {"reason": "Kitchen tap leaking untill the stopcock is turned off."}),
    # Patterns, not phrases: wordings of each kind that no list holds.
    ("trait-word-before-a-person", "P305", True, {"reason": "Asked to cancel the order again. Very indecisive sort of man."}),
    ("negated-trait-opening", "P305", True, {"reason": "Asked for the fee back twice. Not very sensible about money, this one."}),
    ("superlative-negated", "P305", True, {"reason": "Missed the deadline for the form. Not the most organised client."}),
    ("seems-subject-left-out", "P305", True, {"reason": "Asked what a PIN is. Seems completely out of touch."}),
    ("they-both-seem", "P305", True, {"reason": "Both called about the parking. They both seem rather flaky about dates."}),
    ("writer-stance", "P305", True, {"reason": "Wants a refund for the rain on the day, cheeky in my book."}),
    ("writer-sure-of-a-mind", "P305", True, {"reason": "Disputes the charge. Pretty sure he just forgot to cancel."}),
    ("mindset-put-on-a-person", "P305", True, {"reason": "Wants the ground floor room. Acting like she owns the hotel."}),
    ("character-compound", "P305", True, {"reason": "Argued about the 2 GBP fee for an hour, very pig-headed."}),
    ("over-reaction", "P305", True, {"reason": "Rang three times about a 5 minute delay, in such a state over nothing."}),
    ("reported-state-stays", "P305", False, {"reason": "Said she was annoyed that the engineer arrived two hours late."}),
    ("emergency-contact-is-not-a-judgement", "P305", False, {"reason": "Gave a new mobile number for the emergency contact on the account."}),
    ("not-cheap-parts", "P305", False, {"reason": "Wants original parts on his car, not cheap ones."}),
    ("title-in-quotes", "P305", False, {"reason": "Booked two seats for \"Much Ado About Nothing\" on Friday."}),
    ("insult-noun-in-a-frame", "P304", True, {"reason": "Says the installer was an ignorant pig about the muddy boots."}),
    ("belittling-name", "P304", True, {"reason": "Asked about the bin collection.", "resolution": ["Sent the calendar to the daft old man."]}),
    ("silencing-intent", "P304", True, {"reason": "Asked about the boiler again.", "resolution": ["Booked a visit to stop her moaning."]}),
    ("off-my-back", "P304", True, {"reason": "Wanted the report early.", "resolution": ["Sent it to get him off my back."]}),
    ("animal-in-a-vet-note", "P304", False, {"reason": "The old dog limps on the left hind leg after walks."}),
    ("dog-jumped-up", "P304", False, {"reason": "The dog jumped up at the groomer and scratched her arm."}),
    ("abbreviated-role", "P101", True, {"contact": {"name": "Office mgr"}}),
    ("kin-a-generation-away", "P101", True, {"contact": {"name": "Grandparent"}}),
    ("verb-without-object", "P104", True, {"resolution": ["Filed."]}),
    ("verb-and-particle", "P104", True, {"resolution": ["Emailed over."]}),
    ("will-do", "P104", True, {"resolution": ["Will do."]}),
    ("one-verb-with-object", "P104", False, {"resolution": ["Filed the signed consent form."]}),
    ("visit-of-ours", "P105", True, {"resolution": ["Part ordered; engineer will swing by on Thursday to fit it."]}),
    ("present-tense-promise", "P105", True, {"resolution": ["I check with the manager and come back to her."]}),
    ("going-to-and-text", "P105", True, {"resolution": ["Going to ask the supplier and text him tomorrow."]}),
    ("not-sending-to-email", "P105", False, {"reason": "Scanner not sending to email since the update."}),
    ("their-thing-moved-over", "P106", True, {"resolution": ["Swapped his number over on the file."]}),
    ("instead-of", "P106", True, {"resolution": ["Put him on the bus list instead of the walkers."]}),
    ("changed-lessons-to", "P106", True, {"resolution": ["Changed lessons to online video from next week."]}),
    ("name-on-the-account", "P106", True, {"resolution": ["Corrected the name on the account and on the next invoice."]}),
    ("thing-before-the-verb", "P106", True, {"resolution": ["Moved house and asked for the new address to be put on her account."]}),
    ("signed-contract-is-no-change", "P106", False, {"resolution": ["Sent the signed contract to his email."]}),
    # Read the words around a phrase: contacts written as a job or a description, reasons about
    # talking to someone, the writer or a team acting in the future or the present tense, a to-do
    # as an order, fields that only file something, a balance arranged, needs that last a visit.
    ("description-in-sentence-case", "P101", True, {"contact": {"name": "Dog walker", "relationship": "walks the account holder's dogs"}}),
    ("description-with-of", "P101", True, {"contact": {"name": "Next of kin", "relationship": "brother of the account holder"}}),
    ("compound-job", "P101", True, {"contact": {"name": "Childminder", "relationship": "looks after the account holder's son"}}),
    ("job-title-alone", "P101", True, {"contact": {"name": "Bookkeeper", "relationship": "works for the account holder"}}),
    ("name-with-particles", "P101", False, {"contact": {"name": "Jan van der Berg", "relationship": "neighbour of the account holder"}}),
    ("first-name-that-is-a-word", "P101", False, {"contact": {"name": "Hunter", "relationship": "son of the account holder"}}),
    ("talk-to-someone", "P103", True, {"reason": "Wanted to speak to somebody about the account."}),
    ("talk-about-a-named-issue", "P103", False, {"reason": "Wanted to talk to someone about the damp patch on the bedroom ceiling."}),
    ("team-in-ing-will", "P105", True, {"resolution": ["Confirmed the double charge; invoicing will refund it and email him the credit note."]}),
    ("we-will-any-action", "P105", True, {"resolution": ["We'll order the replacement hinge and fit it when it comes in."]}),
    ("i-will-to-a-name", "P105", True, {"resolution": ["I'll email Alexander the two options by Friday."]}),
    ("present-tense-then-contact", "P105", True, {"resolution": ["I order the part from the supplier and text him when it arrives."]}),
    ("to-do-as-an-order", "P105", True, {"internal": "Ring him back Thursday with the engineer's answer."}),
    ("what-is-simply-so", "P105", False, {"resolution": ["Explained we will need access to the meter cupboard."]}),
    ("done-not-promised", "P105", False, {"resolution": ["I ordered the part and texted him when it arrived."]}),
    ("the-customers-we-will", "P105", False, {"reason": "Cancelled the membership; she said: we will never use you again."}),
    ("feature-named-to-email", "P105", False, {"resolution": ["Reset the SMTP password; scan to email works again."]}),
    ("filed-under-his-name", "P106", False, {"resolution": ["Put two aside under his name for collection on Monday."]}),
    ("number-of-something", "P106", False, {"resolution": ["Reduced the number of visits on the rota to two."]}),
    ("balance-arranged", "P107", True, {"resolution": ["Agreed the balance of £420 can wait until the insurer pays out."]}),
    ("mobility-aid-and-instruction", "P108", True, {"resolution": ["Booked the repair. He uses a walking stick and needs a few minutes to reach the door, so engineers must wait."]}),
    ("relative-uses-a-wheelchair", "P108", False, {"reason": "His father uses a wheelchair; asked whether the side gate is step-free."}),
    ("cannot-see-a-thing-today", "P108", False, {"reason": "Cannot see the March statement in the online account."}),
    ("told-her-we-will", "P105", True, {"resolution": ["Told her we'll email the forms by Friday."]}),
    ("the-customers-question", "P105", False, {"reason": "Asked when we will send the corrected invoice."}),
    ("a-decision-not-a-follow-up", "P105", False, {"resolution": ["We will waive the late fee this once."]}),
    ("relative-on-crutches", "P108", False, {"reason": "Her husband is on crutches after a fall; asked if the visit can be downstairs."}),
    ("question-about-visitors", "P108", False, {"reason": "Asked whether the engineers must wear masks during the visit."}),
    ("always-a-description", "P108", False, {"reason": "Asked for the gluten-free menu again, always a pleasure to serve."}),
    ("initial-alone", "P101", True, {"contact": {"name": "K.", "relationship": "lodger at the property"}}),
    ("compound-owner", "P101", True, {"contact": {"name": "Homeowner"}}),
    ("a-todo-is-not-a-description", "P101", False, {"contact": {"name": "TODO: the name of the person we spoke with"}}),
    ("as-discussed", "P104", True, {"resolution": ["As discussed."]}),
    ("spoke-to-her", "P104", True, {"resolution": ["Spoke to her."]}),
    ("spoke-to-her-about-something", "P104", False, {"resolution": ["Spoke to her about a gutter clear and booked it for 3 October."]}),
    ("going-to-without-a-subject", "P105", True, {"resolution": ["Going to check the round for a free slot tomorrow."]}),
    ("said-id-ring", "P105", True, {"resolution": ["Said I'd ring her back after lunch with the price."]}),
    ("will-and-get-back-to", "P105", True, {"resolution": ["Will ask the lads about a pole system and get back to her."]}),
    ("their-own-going-to", "P105", False, {"resolution": ["She is going to send her email address by text tonight."]}),
    ("colleague-she-rings-him", "P105", True, {"resolution": ["Passed to the surveyor; she will ring him with a date."]}),
    ("opted-out", "P106", True, {"resolution": ["Opted her out of the newsletter."]}),
    ("set-up-on", "P106", True, {"resolution": ["Set her up on direct debit for the monthly clean."]}),
    ("upgraded-them-to", "P106", True, {"resolution": ["Upgraded her to the full service from the next clean."]}),
    ("contact-updated-on-progress", "P106", False, {"resolution": ["Updated the contact on progress."]}),
    ("sum-in-words", "P107", True, {"resolution": ["Quoted her forty pounds for the roof each time."]}),
    ("quid", "P107", True, {"resolution": ["Told her it's 25 quid extra a visit for the panels."]}),
    ("decimal-after-a-refund", "P107", True, {"resolution": ["Refunded 18.00 to her card for the missed clean."]}),
    ("a-fiver-in-passing", "P107", False, {"reason": "Found a fiver on the path after the last clean and left it in the porch."}),
    ("only-text-her", "P108", True, {"reason": "Please only text her, she works nights and sleeps in the day."}),
    ("emails-only", "P108", True, {"reason": "Asked for receipts; emails only, no paper ones through the door."}),
    ("name-to-use", "P108", True, {"reason": "Asked us to use her middle name, Ama, when the lads knock."}),
    ("only-in-a-question", "P108", False, {"reason": "Asked whether she should only call the emergency line at night."}),
    ("goes-colon", "P303", True, {"reason": "Locked out again. She goes: I typed it right every time."}),
    ("prefers-by-post", "P108", True, {"reason": "Prefers all statements by post rather than email."}),
    ("someone-elses-wheelchair", "P108", False, {"reason": "Asked about step-free access for her grandfather, who uses a wheelchair."}),
    ("compound-end", "P302", False, {"reason": "Queried the bill, quite tight-fisted."}),
    ("day-two-slips-away", "P302", True, {"resolution": ["Delivered the booklets on Wensday."]}),
    ("lad-far-too", "P305", True, {"reason": "Scraped the car on the kerb again. Lad is far too careless."}),
    ("subjectless-guess", "P305", True, {"reason": "Wants his deposit back. Reckon he has just changed his mind."}),
    ("label-by-compound", "P305", True, {"reason": "Rang about the parking again. Bit of a moanbag."}),
    ("strengthened-label", "P305", True, {"reason": "Asked for a refund because it rained. Total chancer."}),
    ("insult-is-not-an-opinion-too", "P305", False, {"reason": "Complained about the queue. Absolute pain to deal with."}),
    ("seating-plan-is-no-account-field", "P106", False, {"resolution": ["Changed the table plan for the second time."]}),
    ("judgement-in-the-customers-words", "P305", False, {"reason": "Not happy with the trim. His words: you have made me look ridiculous."}),
    ("the-quote-itself", "P303", True, {"reason": "Not happy with the trim. His words: you have made me look ridiculous."}),
    # Someone the record does not name, a person's conduct, pride and motives (P305); contrasts are facts.
    ("named-only-in-the-note", "P305", True, {"resolution": ["Sent the exam dates. Her nephew Tunde is hopeless with deadlines."]}),
    ("named-mid-sentence", "P305", True, {"resolution": ["Kept the slot. Apparently Rosalind was being really awkward with the porter."]}),
    ("titled-name-after-a-phrase", "P305", True, {"resolution": ["Mr Abernethy from the flat below is lovely and signed for it."]}),
    ("only-a-person-is-being-difficult", "P305", True, {"resolution": ["Moved the date twice. Fenella was being difficult about it."]}),
    ("a-place-difficult-to-reach", "P305", False, {"resolution": ["Told him the Lodge is difficult to reach by bus after 6pm."]}),
    ("know-all", "P305", True, {"resolution": ["Explained the valve. Bit of a know-all about boilers."]}),
    ("outburst", "P305", True, {"resolution": ["Told him the part is on order. Kicked off at the counter about it."]}),
    ("kicked-off-a-season", "P305", False, {"resolution": ["The club kicked off the season on 7 March with a talk."]}),
    ("typical-of-him", "P305", True, {"resolution": ["Typical of him to ring at closing time. Booked Monday 9am."]}),
    ("got-very-stroppy", "P305", True, {"resolution": ["Explained the code has expired. Got very stroppy and paid in full."]}),
    ("got-very-wet", "P305", False, {"reason": "Got very wet waiting for the bus, so lent her an umbrella."}),
    ("word-of-character-opening", "P305", True, {"resolution": ["Mouthy with the surveyor, so emailed the report instead."]}),
    ("cold-on-arrival", "P305", False, {"resolution": ["Cold on arrival is expected for frozen food; this pack had thawed."]}),
    ("rules-do-not-apply", "P305", True, {"resolution": ["Asked him to move the car. Thinks the signs don't apply to him."]}),
    ("product-said-to-be-great", "P305", False, {"reason": "Said the Dyson is great and asked about a second one."}),
    ("named-with-a-reported-state", "P305", False, {"reason": "Her daughter Amy is nervous about needles, so booked a longer slot."}),
    ("conduct-judged", "P305", True, {"resolution": ["Printed the forms. His spelling is atrocious so filled them in with him."]}),
    ("memory-is-a-fact", "P305", False, {"resolution": ["Her memory is poor since the stroke, so sent a letter as well."]}),
    ("pride", "P305", True, {"resolution": ["Gave the refund. Very pleased with himself about it afterwards."]}),
    ("trying-it-on", "P305", True, {"resolution": ["Said no to a second free sample. Just trying it on."]}),
    ("trying-it-on-for-size", "P305", False, {"resolution": ["Trying it on in the fitting room, she found the size too small."]}),
    ("zero-patience", "P305", True, {"resolution": ["Read out the results. Zero patience, left halfway through."]}),
    ("grumpy-old-man-is-an-opinion", "P305", True, {"resolution": ["Moved the visit to Saturday. Grumpy old man, as usual."]}),
    ("grumpy-old-man-is-no-insult", "P304", False, {"resolution": ["Moved the visit to Saturday. Grumpy old man, as usual."]}),
    ("contrast-not-dead", "P305", False, {"resolution": ["Explained the shrub is dormant, not dead, and will leaf in April."]}),
    # Insults by frame and inflected oaths (P304).
    ("word-of-character-before-insult-noun", "P304", True, {"resolution": ["Cheeky git asked for free delivery again."]}),
    ("clown-fish-is-no-insult", "P304", False, {"resolution": ["Recommended a pair of clown loaches for the tank."]}),
    ("inflected-oath", "P304", True, {"reason": "Was bitching about the price of the annual service."}),
    ("silencing-as-a-clause", "P304", True, {"resolution": ["Waived the fee so he would stop moaning."]}),
    ("make-her-go-away", "P304", True, {"resolution": ["Booked the first slot to make her go away."]}),
    # Speech a few words after its verb, and colon forms (P303); names of things in quotes are not speech.
    ("quote-soon-after-speech", "P303", True, {"resolution": ["She said the flat was 'like living in a fridge since March'."]}),
    ("product-name-after-said", "P303", False, {"resolution": ["She said she wanted the 'Forest Green Deluxe' curtains; ordered them."]}),
    ("exact-words-colon", "P303", True, {"resolution": ["Replaced it. His exact words: whoever fitted this should be sacked."]}),
    ("reply-to-colon", "P303", True, {"resolution": ["Cancelled. Her reply to the reminder was: not interested, stop emailing."]}),
    ("label-in-a-box", "P303", False, {"resolution": ["Ticked the box 'Send me updates' with her on the website."]}),
    # Digits for words and short dropped g (P301); counts are not text-speak.
    ("digit-for-to", "P301", True, {"reason": "Needs 2 know the opening hours over Easter."}),
    ("digit-is-a-count", "P301", False, {"reason": "Needs 2 filters and 2 more heaters for the club."}),
    ("short-dropped-g", "P301", True, {"reason": "Asked how the repair is doin so far."}),
    # Doers in -ier and British spellings (P302).
    ("doer-in-ier", "P302", False, {"reason": "The water clarifier stopped working after a week."}),
    ("british-moult", "P302", False, {"reason": "Asked whether moulting is normal for a budgie in spring."}),
    # A judgement read from its grammar (P305): a contracted verb, a role as subject, a habit made a
    # character, a mind read into a person; what a customer said of a role is their complaint.
    ("contracted-judgement", "P305", True, {"resolution": ["Explained the fee again. She's proper stroppy when the van is late."]}),
    ("role-as-subject", "P305", True, {"resolution": ["Fitted the new meter. The caretaker was extremely surly about the keys."]}),
    ("role-in-a-complaint", "P305", False, {"reason": "Said the caretaker was rude to him when he asked for the keys."}),
    ("habit-made-character", "P305", True, {"reason": "Rang about the bins again. Forever moaning about the collection day."}),
    ("mind-read-into-a-person", "P305", True, {"reason": "Asked for the boiler service. He seems to think it is free every year."}),
    ("sentence-after-a-number", "P305", True, {"resolution": ["Ordered part RX-40. Reckon she never reads the manual."]}),
    ("lights-on-a-timer", "P305", False, {"resolution": ["Explained the hall lights are on a timer until midnight."]}),
    ("hard-to-reach-is-no-judgement", "P305", False, {"reason": "The site manager was difficult to reach by phone all week."}),
    ("blind-is-a-state", "P305", False, {"reason": "He's legally blind and asked for the contract in large print."}),
    ("ill-is-a-state", "P305", False, {"reason": "The caretaker was quite ill last week, so the keys were left at the office."}),
    # Mild oaths as words of degree (P304); literal blood and the verb "bleed" are not oaths.
    ("oath-of-degree", "P304", True, {"resolution": ["Missed the 9 am slot because the frigging satnav sent the van to the wrong estate."]}),
    ("blood-in-an-injury", "P304", False, {"reason": "Cut his hand on the broken oven glass.", "resolution": ["Bagged the glass and the bloody tea towel; fitted a new door panel."]}),
    ("bleeding-a-radiator", "P304", False, {"resolution": ["Bleeding the radiators cleared the air in the system."]}),
    ("neck-pain-is-a-symptom", "P304", False, {"reason": "Reports pain in the neck since the fall on Monday."}),
    ("old-timer-is-a-part", "P304", False, {"resolution": ["Replaced the old timer switch on the immersion heater."]}),
    ("freaking-out-is-a-verb", "P304", False, {"reason": "The freaking out dog had to be muzzled for the groom."}),
    # The larger dictionary: both spellings of a word and trade words pass; a slip's rarer spelling does not (P302).
    ("british-and-american", "P302", False, {"reason": "Fitted aluminium edging by the kerb; the colourful beds are centred on the gray path."}),
    ("trade-words", "P302", False, {"resolution": ["Fed the ponies haylage, washed the numnah and ordered choux buns for the open day."]}),
    ("rarer-spelling-of-a-slip", "P302", True, {"reason": "The pond pump stoped overnight."}),
    ("two-slips-in-lower-case", "P302", True, {"resolution": ["The gardener reccomended cutting the roses back hard."]}),
    ("name-before-past-tense", "P302", False, {"reason": "Bisky chewed through the garden hose again."}),
    ("names-in-a-list", "P302", False, {"resolution": ["Bisky and Mungo were walked at 8 and fed."]}),
    ("name-before-who-it-is", "P302", False, {"resolution": ["Kemi, her granddaughter, let the gardeners in."]}),
    ("slip-before-a-comma", "P302", True, {"resolution": ["Unfortunatly, the supplier is out of stock."]}),
    ("name-again-with-s", "P302", False, {"resolution": ["Tamsk refused his tablets, so hid them in cheese and topped up Tamsk's water."]}),
    # Text-speak read from the words around it (P301).
    ("digit-after-going", "P301", True, {"reason": "Popped round 2 check the pond heater before the frost."}),
    ("digit-counts-rooms", "P301", False, {"reason": "Booked 2 double rooms for the wedding party."}),
    ("clipped-about", "P301", True, {"reason": "Called bout the hedge, wants it lower this year."}),
    ("a-bout-of-flu", "P301", False, {"reason": "Missed the class after a bout of flu."}),
    ("inflected-abbreviation", "P301", True, {"reason": "She msgd to say the cat flap is jammed."}),
    ("digit-for-for", "P301", True, {"reason": "Still waiting 4 the replacement pump, rang to chase."}),
    ("digit-is-a-time", "P301", False, {"resolution": ["Told her the surgeons come at 4 on Thursday."]}),
    # Speech after a colon, and lines staff wrote into the record (P303).
    ("answer-when-colon", "P303", True, {"resolution": ["Her answer when I offered a refund: just fix it properly this time."]}),
    ("someones-reply-colon", "P303", True, {"resolution": ["The customer's reply to the quote: far too dear for a patio."]}),
    ("quote-from-her-email", "P303", True, {"resolution": ["Quote from her email: the drive looks like a ploughed field."]}),
    ("email-address-after-colon", "P303", False, {"resolution": ["Her email: jo@example.com is the one for invoices."]}),
    ("written-into-the-record", "P303", False, {"resolution": ["Wrote 'key safe behind the water butt' on today's job sheet."]}),
    # Read by their grammar, whatever the words: who speaks before a colon, who is judged, what a letter stands for.
    ("lead-in-then-you", "P303", True, {"resolution": ["Mr Okafor shouted across the car park: you have scratched my wing mirror."]}),
    ("message-then-i", "P303", True, {"resolution": ["His voicemail finished with: I expect a call back today."]}),
    ("message-holds-things", "P303", False, {"resolution": ["Her parcel held two items: the charger and the case."]}),
    ("complaint-about-someone", "P305", False, {"reason": "Said the porter on the night shift last week was rude to her."}),
    ("colleague-judges", "P305", True, {"resolution": ["Priya reports that Tomasz is very lazy about the rota."]}),
    ("a-real-gem", "P305", True, {"resolution": ["Her neighbour Dolores was a real gem, held the ladder for us."]}),
    ("everything-we-offer", "P305", True, {"resolution": ["Offered a refund. Whatever we offer is never enough for him."]}),
    ("knows-little-about", "P305", True, {"resolution": ["Knows very little about computers but thinks he does."]}),
    ("knew-nothing-of-the-letter", "P305", False, {"resolution": ["Re-sent the renewal letter; he knew nothing about the letter."]}),
    ("some-clown", "P304", True, {"resolution": ["Chased the parcel; some clown at the sorting office sent it back."]}),
    ("has-a-pain-in-the-neck", "P304", False, {"reason": "Cancelled the massage; she has a pain in the neck since Sunday."}),
    ("n-for-and", "P301", True, {"resolution": ["Swapped the filter n reset the alarm."]}),
    ("units-after-a-number", "P302", False, {"resolution": ["Set the pump to 250 mbar and the heater to 2 kW."]}),
    ("short-form", "P302", False, {"resolution": ["Moved her appt to Thursday at 3pm."]}),
    ("her-account-of-someone", "P305", False, {"reason": "According to him, the fitter was abrupt with his wife."}),
    ("what-she-felt-of-someone", "P305", False, {"reason": "She thought the cashier was unhelpful about the voucher."}),
    ("good-to-deal-with", "P305", True, {"resolution": ["Renewed the cover. Such a delight to work with."]}),
    ("complains-whatever-happens", "P305", True, {"resolution": ["Refunded the postage. He forever finds a reason to moan."]}),
    ("c-for-see", "P301", True, {"resolution": ["told her we can c her on Monday at 9."]}),
    # Measured once as whole notes in labelled/ (its README: wording-2.yaml w2-32 to w2-50), kept here.
    ("lodger-utter-gent", "P305", True, {"resolution": ["Gave him the date, 9 July at 11am. The lodger is an utter gent, always offers tea."]}),
    ("thinks-always-right", "P305", True, {"resolution": ["Sent photos of the worn hammers. Thinks she is always right about the instrument."]}),
    ("pleasure-without-article", "P305", True, {"resolution": ["Booked 3 August, 9am. Mrs Solberg is very nice lady, she is pleasure to deal with."]}),
    ("ngl-hard-work", "P305", True, {"resolution": ["Moved it to 2 Sept. Ngl she is hard work."]}),
    ("first-thing-about", "P305", True, {"resolution": ["Callum re-seated the key on 12 July. Her husband doesn't know the first thing about pianos."]}),
    ("on-about-it-every-visit", "P305", True, {"resolution": ["Retuned on 1 July. Goes on and on about the same thing every visit."]}),
    ("every-spring-with-us", "P305", False, {"resolution": ["Told her twice a year; she tunes it every spring and every autumn with us."]}),
    ("in-her-review-she-wrote", "P303", True, {"resolution": ["In her review she wrote: I will never use this firm again."]}),
    ("the-note-she-left-said", "P303", True, {"resolution": ["The note she left on the van said: you have blocked my drive again."]}),
    ("her-delivery-note-reads", "P303", False, {"resolution": ["Her delivery note now reads: leave at the side door, ring twice."]}),
    ("a-party-clown", "P304", False, {"resolution": ["Gave her the number of the party entertainers we use; the clown they send is free on 20 July."]}),
    ("psi-and-rpm", "P302", False, {"resolution": ["Fitted a new spring rated at 12 psi; the humidifier motor runs at 40 rpm."]}),
    # What a person is to deal with, a mood made a label, what they can be: read whatever the words.
    ("he-s-hard-work", "P305", True, {"resolution": ["He's hard work."]}),
    ("the-landlady-is-heavy-going-on-the-phone", "P305", True, {"resolution": ["The landlady is heavy going on the phone."]}),
    ("she-can-be-a-bit-much", "P305", True, {"resolution": ["She can be a bit much."]}),
    ("her-partner-can-be-very-rude", "P305", True, {"resolution": ["Her partner can be very rude."]}),
    ("mr-harris-is-an-angry-man", "P305", True, {"resolution": ["Mr Harris is an angry man."]}),
    ("his-wife-is-a-miserable-woman", "P305", True, {"resolution": ["His wife is a miserable woman."]}),
    ("was-quite-abrupt-with-callum", "P305", True, {"resolution": ["Was quite abrupt with Callum."]}),
    ("was-short-tempered-with-the-driver", "P305", True, {"resolution": ["Was short-tempered with the driver."]}),
    ("rang-in-a-right-mood", "P305", True, {"resolution": ["Rang in a right mood."]}),
    ("came-in-a-foul-mood-about-the-parking", "P305", True, {"resolution": ["Came in a foul mood about the parking."]}),
    ("she-was-angry-about-the-second-missed-vi", "P305", False, {"resolution": ["She was angry about the second missed visit."]}),
    ("the-stop-was-abrupt-and-the-van-jolted", "P305", False, {"resolution": ["The stop was abrupt and the van jolted."]}),
    ("can-be-reached-on-her-mobile-after", "P305", False, {"resolution": ["Can be reached on her mobile after 5."]}),
    ("was-happy-with-the-refund", "P305", False, {"resolution": ["Was happy with the refund."]}),
    ("the-job-is-hard-work-for-one-fitter-so-t", "P305", False, {"resolution": ["The job is hard work for one fitter, so two were sent."]}),
    ("in-a-good-mood-after-the-repair-she-book", "P305", False, {"resolution": ["In a good mood after the repair, she booked the next service."]}),
    # Judgements in other registers: what was said named as a rant, an aside, a manner put on, fussy about.
    ("guy-was-super-sketchy-about-where-he-got", "P305", True, {"resolution": ["Guy was super sketchy about where he got the parts."]}),
    ("honestly-the-sweetest-lady-brought-cooki", "P305", True, {"resolution": ["Honestly the sweetest lady, brought cookies for the crew."]}),
    ("total-sweetheart-always-says-thanks", "P305", True, {"resolution": ["Total sweetheart, always says thanks."]}),
    ("she-is-very-kind-person-always-polite-wi", "P305", True, {"resolution": ["She is very kind person, always polite with us."]}),
    ("he-is-not-so-nice-with-the-staff", "P305", True, {"resolution": ["He is not so nice with the staff."]}),
    ("the-husband-seemed-kind-of-shady", "P305", True, {"resolution": ["The husband seemed kind of shady."]}),
    ("pushy-as-always-about-the-discount", "P305", True, {"resolution": ["Pushy as always about the discount."]}),
    ("another-one-of-her-rants-about-the-parki", "P305", True, {"resolution": ["Another one of her rants about the parking."]}),
    ("mrs-doyle-bless-forgot-her-card-again", "P305", True, {"resolution": ["Mrs Doyle, bless, forgot her card again."]}),
    ("not-the-brightest-needed-it-explained-th", "P305", True, {"resolution": ["Not the brightest, needed it explained three times."]}),
    ("the-daughter-comes-across-a-bit-entitled", "P305", True, {"resolution": ["The daughter comes across a bit entitled."]}),
    ("acting-all-high-and-mighty-about-the-ref", "P305", True, {"resolution": ["Acting all high and mighty about the refund."]}),
    ("he-was-being-a-bit-of-a-drama-queen", "P305", True, {"resolution": ["He was being a bit of a drama queen."]}),
    ("she-gets-worked-up-over-nothing", "P305", True, {"resolution": ["She gets worked up over nothing."]}),
    ("very-particular-about-how-the-keys-are-l", "P305", True, {"resolution": ["Very particular about how the keys are left."]}),
    ("very-particular-instructions-keys-in-the", "P305", False, {"resolution": ["Very particular instructions: keys in the key safe, code 4471."]}),
    ("said-the-service-was-excellent-and-left", "P305", False, {"resolution": ["Said the service was excellent and left a review."]}),
    ("the-repair-was-a-success-and-the-key-no", "P305", False, {"resolution": ["The repair was a success and the key no longer sticks."]}),
    ("she-was-worried-about-the-cost-and-asked", "P305", False, {"resolution": ["She was worried about the cost and asked for a payment plan."]}),
    ("he-was-confused-by-the-two-invoices-so-w", "P305", False, {"resolution": ["He was confused by the two invoices, so we merged them."]}),
    ("kind-regards-were-passed-on-to-the-tuner", "P305", False, {"resolution": ["Kind regards were passed on to the tuner."]}),
    ("her-mother-is-very-unwell-and-in-hospita", "P305", False, {"resolution": ["Her mother is very unwell and in hospital."]}),
    ("the-neighbour-was-helpful-and-let-us-in", "P305", True, {"resolution": ["The neighbour was helpful and let us in."]}),
    # Quotes, insults and text-speak in other registers: speech leaking into a report by its "you lot", "sed", "cud" after who could.
    ("her-words-were-i-m-never-coming-back-her", "P303", True, {"resolution": ["Her words were: I'm never coming back here."]}),
    ("customer-s-comment-on-the-survey-your-st", "P303", True, {"resolution": ["Customer's comment on the survey: your staff couldn't care less."]}),
    ("quoting-her-this-is-the-last-straw", "P303", True, {"resolution": ["Quoting her: \"this is the last straw\"."]}),
    ("he-shouted-that-we-were-a-bunch-of-crook", "P303", True, {"resolution": ["He shouted that we were \"a bunch of crooks\"."]}),
    ("she-kept-repeating-i-want-my-money-back", "P303", True, {"resolution": ["She kept repeating \"I want my money back\"."]}),
    ("left-a-voicemail-saying-you-lot-never-an", "P303", True, {"resolution": ["Left a voicemail saying you lot never answer the phone."]}),
    ("left-a-voicemail-asking-for-a-call-back", "P303", False, {"resolution": ["Left a voicemail asking for a call back after 5."]}),
    ("wrote-fragile-on-the-box-before-collecti", "P303", False, {"resolution": ["Wrote \"fragile\" on the box before collection."]}),
    ("ticked-no-marketing-on-her-form", "P303", False, {"resolution": ["Ticked \"no marketing\" on her form."]}),
    ("the-email-subject-was-invoice-2231-query", "P303", False, {"resolution": ["The email subject was \"Invoice 2231 query\"."]}),
    ("called-the-fitter-a-useless-prat", "P304", True, {"resolution": ["Called the fitter a useless prat."]}),
    ("the-lad-at-the-counter-was-a-complete-mu", "P304", True, {"resolution": ["The lad at the counter was a complete muppet."]}),
    ("bloody-thing-broke-again", "P304", True, {"resolution": ["Bloody thing broke again."]}),
    ("customer-is-a-right-pain-in-the-backside", "P304", True, {"resolution": ["Customer is a right pain in the backside."]}),
    ("she-was-being-a-right-cow-about-it", "P304", True, {"resolution": ["She was being a right cow about it."]}),
    ("the-cow-field-gate-was-left-open", "P304", False, {"resolution": ["The cow field gate was left open."]}),
    ("pig-feed-delivered-to-the-back-barn", "P304", False, {"resolution": ["Pig feed delivered to the back barn."]}),
    ("fitted-the-new-bleeder-valve", "P304", False, {"resolution": ["Fitted the new bleeder valve."]}),
    ("told-her-wud-call-back", "P301", True, {"resolution": ["Told her wud call back."]}),
    ("she-sed-she-d-pay-next-week", "P301", True, {"resolution": ["She sed she'd pay next week."]}),
    ("gave-her-a-ring-coz-the-van-was-late", "P301", True, {"resolution": ["gave her a ring coz the van was late"]}),
    ("asked-if-we-cud-come-earlier", "P301", True, {"resolution": ["asked if we cud come earlier"]}),
    ("cud-is-chewed-by-cows", "P301", False, {"resolution": ["Cud is chewed by cows."]}),
    ("she-paid-the-balance-by-bacs", "P301", False, {"resolution": ["She paid the balance by BACS."]}),
    # Hard negatives of the new readings' shapes (and two judgements written as such).
    ("came-across-a-nasty-leak-under-the-sink", "P305", False, {"resolution": ["Came across a nasty leak under the sink and isolated it."]}),
    ("the-engineer-came-across-a-badly-corrode", "P305", False, {"resolution": ["The engineer came across a badly corroded valve."]}),
    ("she-is-a-happy-customer-of-ten-years", "P305", False, {"resolution": ["She is a happy customer of ten years."]}),
    ("never-late-with-a-payment-in-six-years", "P305", False, {"resolution": ["Never late with a payment in six years."]}),
    ("always-pays-by-direct-debit", "P305", False, {"resolution": ["Always pays by direct debit."]}),
    ("she-changes-her-password-every-month-for", "P305", False, {"resolution": ["She changes her password every month for security."]}),
    ("he-cannot-commit-to-a-date-until-his-lea", "P305", False, {"resolution": ["He cannot commit to a date until his leave is approved."]}),
    ("knows-nothing-about-the-letter-we-sent", "P305", False, {"resolution": ["Knows nothing about the letter we sent."]}),
    ("typical-winter-weather-delayed-the-insta", "P305", False, {"resolution": ["Typical winter weather delayed the install."]}),
    ("the-typical-installer-quote-is-two-days", "P305", False, {"resolution": ["The typical installer quote is two days."]}),
    ("she-said-the-fitter-was-a-real-star", "P305", False, {"resolution": ["She said the fitter was a real star."]}),
    ("complained-that-the-tuner-was-a-bit-much", "P305", False, {"resolution": ["Complained that the tuner was a bit much with the questions."]}),
    ("the-landlord-can-be-reached-on-0207-946", "P305", False, {"resolution": ["The landlord can be reached on 0207 946 0000."]}),
    ("the-outdoor-unit-can-be-noisy-in-winter", "P305", False, {"resolution": ["The outdoor unit can be noisy in winter."]}),
    ("the-old-boiler-was-a-real-problem-to-ser", "P305", False, {"resolution": ["The old boiler was a real problem to service."]}),
    ("her-husband-was-a-real-help-with-the-lif", "P305", True, {"resolution": ["Her husband was a real help with the lifting."]}),
    ("he-was-in-a-mood-to-talk-about-the-old-d", "P305", False, {"resolution": ["He was in a mood to talk about the old days."]}),
    ("acting-on-her-instructions-we-left-the-k", "P305", False, {"resolution": ["Acting on her instructions, we left the keys with the neighbour."]}),
    ("whatever-we-send-needs-a-reference-numbe", "P305", False, {"resolution": ["Whatever we send needs a reference number."]}),
    ("everything-we-quote-is-valid-for-30-days", "P305", False, {"resolution": ["Everything we quote is valid for 30 days."]}),
    ("their-moans-about-the-noise-were-passed", "P305", True, {"resolution": ["Their moans about the noise were passed to the council."]}),
    ("ran-through-the-usual-checks-with-her", "P305", False, {"resolution": ["Ran through the usual checks with her."]}),
    # Text-speak and spelling in other registers: spellings as spoken, acronyms, a trade's thing done again.
    ("hes-gonna-ring-back-l8r", "P301", True, {"resolution": ["Hes gonna ring back l8r."]}),
    ("she-s-sooo-happy-w-the-result", "P301", True, {"resolution": ["she's sooo happy w the result"]}),
    ("cust-wants-2-b-called-after-6", "P301", True, {"resolution": ["cust wants 2 b called after 6"]}),
    ("spoke-to-her-hubby-he-s-ok-wiv-it", "P301", True, {"resolution": ["Spoke to her hubby, he's ok wiv it."]}),
    ("said-it-s-fine-innit-no-worries", "P301", True, {"resolution": ["Said it's fine innit, no worries."]}),
    ("told-her-we-re-on-it-ta", "P301", True, {"resolution": ["Told her we're on it, ta."]}),
    ("dunno-when-the-part-comes-in", "P301", True, {"resolution": ["dunno when the part comes in."]}),
    ("will-chase-it-asap-n-let-her-know", "P301", True, {"resolution": ["Will chase it asap n let her know."]}),
    ("sent-the-b2b-invoice-to-accounts", "P301", False, {"resolution": ["Sent the B2B invoice to accounts."]}),
    ("the-4x4-was-towed-to-the-yard", "P301", False, {"resolution": ["The 4x4 was towed to the yard."]}),
    ("plan-b-is-a-second-visit-on-friday", "P301", False, {"resolution": ["Plan B is a second visit on Friday."]}),
    ("fitted-a-2-way-valve", "P301", False, {"resolution": ["Fitted a 2 way valve."]}),
    ("dropped-the-f1-tickets-round", "P301", False, {"resolution": ["Dropped the F1 tickets round."]}),
    ("she-was-dissapointed-with-the-finnish-on", "P302", True, {"resolution": ["She was dissapointed with the finnish on the lid."]}),
    ("arrangd-a-refund-for-the-extra-day", "P302", True, {"resolution": ["Arrangd a refund for the extra day."]}),
    ("the-lid-hinge-was-loose-and-squeeked", "P302", True, {"resolution": ["The lid hinge was loose and squeeked."]}),
    ("fitted-a-grohe-mixer-and-a-hansgrohe-sho", "P302", False, {"resolution": ["Fitted a Grohe mixer and a Hansgrohe shower."]}),
    ("pedicure-and-gel-polish-booked-for-satur", "P302", False, {"resolution": ["Pedicure and gel polish booked for Saturday."]}),
    ("reglazed-the-bath-and-regrouted-the-tile", "P302", False, {"resolution": ["Reglazed the bath and regrouted the tiles."]}),
    ("her-labradoodle-was-groomed", "P302", False, {"resolution": ["Her Labradoodle was groomed."]}),
    ("her-kombucha-order-was-sent", "P302", False, {"resolution": ["Her kombucha order was sent."]}),
    ("ta-in-capitals", "P301", False, {"resolution": ["Booked the TA unit for the hall."]}),
    # Judgements and quotes in other registers: the progressive of annoyance, an attitude, a message that reads.
    ("the-client-was-very-impolite-and-shoutin", "P305", True, {"resolution": ["The client was very impolite and shouting."]}),
    ("he-is-always-making-problems-for-us", "P305", True, {"resolution": ["He is always making problems for us."]}),
    ("she-is-one-of-those-customers-who-is-nev", "P305", True, {"resolution": ["She is one of those customers who is never satisfied."]}),
    ("mr-ruiz-was-a-real-gentleman-about-the-d", "P305", True, {"resolution": ["Mr Ruiz was a real gentleman about the delay."]}),
    ("she-was-awesome-brought-coffee-for-the-g", "P305", True, {"resolution": ["She was awesome, brought coffee for the guys."]}),
    ("kinda-rude-on-the-phone-but-paid-in-full", "P305", True, {"resolution": ["Kinda rude on the phone but paid in full."]}),
    ("he-s-clueless-about-his-own-account", "P305", True, {"resolution": ["He's clueless about his own account."]}),
    ("she-has-a-bit-of-an-attitude", "P305", True, {"resolution": ["She has a bit of an attitude."]}),
    ("he-is-a-difficult-man-to-please", "P305", True, {"resolution": ["He is a difficult man to please."]}),
    ("he-was-very-polite-and-thanked-the-fitte", "P305", True, {"resolution": ["He was very polite and thanked the fitter."]}),
    ("the-receptionist-at-the-surgery-was-unhe", "P305", False, {"resolution": ["The receptionist at the surgery was unhelpful, says the customer."]}),
    ("the-client-was-shouting-because-the-alar", "P305", False, {"resolution": ["The client was shouting because the alarm was loud."]}),
    ("she-has-an-allergy-to-latex", "P305", False, {"resolution": ["She has an allergy to latex."]}),
    ("she-said-it-was-the-worst-experience-of", "P303", True, {"resolution": ["She said it was 'the worst experience of my life'."]}),
    ("her-text-read-where-r-u-been-waiting-2-h", "P303", True, {"resolution": ["Her text read 'where r u?? been waiting 2 hrs'."]}),
    ("labelled-the-box-top-shelf-only", "P303", False, {"resolution": ["Labelled the box 'Top shelf only'."]}),
    ("set-her-status-to-on-hold-until-the-paym", "P303", False, {"resolution": ["Set her status to 'on hold' until the payment clears."]}),
    # Hard negatives of the same shapes: a compound, what it is like to reach someone, a name, a numbered table, a unit.
    ("her-son-is-a-real-estate-agent-and-handl", "P305", False, {"resolution": ["Her son is a real estate agent and handles the lease."]}),
    ("he-can-be-difficult-to-reach-by-phone-so", "P305", False, {"resolution": ["He can be difficult to reach by phone, so email first."]}),
    ("customer-complains-every-winter-that-the", "P305", False, {"resolution": ["Customer complains every winter that the pipes freeze."]}),
    ("her-daughter-can-be-contacted-on-the-mob", "P305", False, {"resolution": ["Her daughter can be contacted on the mobile."]}),
    ("was-happy-to-wait-for-the-part", "P305", False, {"resolution": ["Was happy to wait for the part."]}),
    ("her-reply-came-by-post-the-signed-form-a", "P303", False, {"resolution": ["Her reply came by post: the signed form and a cheque."]}),
    ("karen-smith-rang-about-the-invoice", "P304", False, {"resolution": ["Karen Smith rang about the invoice."]}),
    ("the-stud-dog-and-the-bitch-were-both-vac", "P304", False, {"resolution": ["The stud dog and the bitch were both vaccinated."]}),
    ("table-4-the-smith-party-8pm", "P301", False, {"resolution": ["Table 4 the Smith party, 8pm."]}),
    ("flow-rate-12-lpm-pressure-3-bar", "P302", False, {"resolution": ["Flow rate 12 lpm, pressure 3 bar."]}),
    # Speech after a comma or to us, oaths that send someone away, "4" for "for" after a noun, a long slip before a verb.
    ("he-goes-you-lot-are-a-joke", "P303", True, {"resolution": ["He goes, you lot are a joke."]}),
    ("she-said-and-i-quote-the-worst-service-e", "P303", True, {"resolution": ["She said, and I quote, the worst service ever."]}),
    ("his-email-ended-with-the-words-never-aga", "P303", True, {"resolution": ["His email ended with the words: never again."]}),
    ("texted-us-at-11pm-where-is-my-engineer", "P303", True, {"resolution": ["Texted us at 11pm: where is my engineer???"]}),
    ("messaged-me-on-sunday-night-your-fitter", "P303", True, {"resolution": ["Messaged me on Sunday night: your fitter has flooded my kitchen."]}),
    ("emailed-us-on-monday-photos-of-the-leak", "P303", False, {"resolution": ["Emailed us on Monday: photos of the leak and the meter reading."]}),
    ("texted-us-at-8am-running-late-with-her-b", "P303", False, {"resolution": ["Texted us at 8am: running late, with her by 9."]}),
    ("told-him-the-part-arrives-thursday", "P303", False, {"resolution": ["Told him: the part arrives Thursday."]}),
    ("she-said-after-checking-with-her-husband", "P303", False, {"resolution": ["She said, after checking with her husband, that Friday suits."]}),
    ("told-me-to-get-stuffed-when-i-mentioned", "P304", True, {"resolution": ["Told me to get stuffed when I mentioned the fee."]}),
    ("he-told-callum-to-sod-off", "P304", True, {"resolution": ["He told Callum to sod off."]}),
    ("stuffed-the-cushions-back-into-the-piano", "P304", False, {"resolution": ["Stuffed the cushions back into the piano stool."]}),
    ("gonna-need-2-more-days-4-the-part", "P301", True, {"resolution": ["gonna need 2 more days 4 the part"]}),
    ("ordered-a-new-hinge-4-the-lid", "P301", True, {"resolution": ["Ordered a new hinge 4 the lid."]}),
    ("arrived-at-4-the-next-day", "P301", False, {"resolution": ["Arrived at 4 the next day."]}),
    ("fitted-4-the-first-week-and-2-the-second", "P301", False, {"resolution": ["Fitted 4 the first week and 2 the second."]}),
    ("accomodation-booked-for-the-fitters", "P302", True, {"resolution": ["Accomodation booked for the fitters."]}),
    ("apointment-moved-to-friday", "P302", True, {"resolution": ["Apointment moved to Friday."]}),
    ("bisky-chewed-the-hose-again", "P302", False, {"resolution": ["Bisky chewed the hose again."]}),
    ("tamsin-booked-the-tuning", "P302", False, {"resolution": ["Tamsin booked the tuning."]}),
]

_BASE = {
    "at": "2026-06-03T14:12:00+00:00",
    "author": "jdoe",
    "channel": "phone",
    "contact": {"name": "Alexander Erickson"},
    "reason": "Asked to move the delivery of order 2231 to Friday.",
    "resolution": ["Moved the delivery to Friday 5 June."],
    "disposition": "general-inquiry",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str]]]:
    """Each case's findings (code, message), from one validate of a repository holding every case."""
    root = tmp_path_factory.mktemp("generalisation")
    folder = root / "records" / "customers" / "C-1"
    (folder / "notes").mkdir(parents=True)
    (folder / "customer.yaml").write_text(BASE_CUSTOMER, encoding="utf-8")
    for case, _, _, fields in CASES:
        (folder / "notes" / f"2026-06-03-{case}.yaml").write_text(yaml.safe_dump(_BASE | fields, allow_unicode=True), encoding="utf-8")
    by_case: dict[str, list[tuple[str, str]]] = {case: [] for case, _, _, _ in CASES}
    for finding in load_repository(str(root), today=dt.date(2026, 6, 30), jobs=1).findings:
        for case in by_case:
            if finding.path.endswith(f"2026-06-03-{case}.yaml"):
                by_case[case].append((finding.code, finding.message))
    return by_case


@pytest.mark.parametrize(("case", "code", "expected"), [(c, code, e) for c, code, e, _ in CASES], ids=[c for c, *_ in CASES])
def test_finding_as_an_editor_would_raise_it(found: dict[str, list[tuple[str, str]]], case: str, code: str, expected: bool) -> None:
    codes = [c for c, _ in found[case]]
    assert (code in codes) == expected, f"{case}: expected {code} {'present' if expected else 'absent'}; found {found[case]}"


def _message(found: dict[str, list[tuple[str, str]]], case: str, code: str) -> str:
    return next(message for c, message in found[case] if c == code)


def test_findings_on_note_text_propose_a_factual_rewrite(found: dict[str, list[tuple[str, str]]]) -> None:
    assert "describe what was said or done" in _message(found, "super-pushy", "P305") or "state what was asked for" in _message(found, "super-pushy", "P305")
    assert "the language used or needed" in _message(found, "english-not-great", "P305")
    assert "e.g. 'said just send whoever is free'" in _message(found, "said-colon", "P303")
    assert "did you mean recommended" in _message(found, "two-slips-in-lower-case", "P302")
    assert "'bout' → about" in _message(found, "clipped-about", "P301") and "'msgd' → messaged" in _message(found, "inflected-abbreviation", "P301")
    # The verb of saying in the quote's sentence is not said twice, and no quotation mark is left behind.
    assert "e.g. 'said they cannot wait another week for this'" in _message(found, "told-me-quote", "P303")
    assert "e.g. 'said the whole room was smelling like a fish market every evening'" in _message(found, "quote-inside-report", "P303")
    assert "amounts: [{kind: payment plan, amount: 50, currency: GBP}]" in _message(found, "fifty-a-month", "P107") or (
        "amount: 50, currency: GBP}" in _message(found, "fifty-a-month", "P107")
    )
    assert "amount: 25, currency: USD}" in _message(found, "flu-shot", "P107")
    # The field is named as an editor would write it, never "name on" or "on her account.".
    assert "add changes: [{field: name, from: ..., to: ...}]" in _message(found, "name-on-the-account", "P106")
    assert "add changes: [{field: account details, from: ..., to: ...}]" in _message(found, "thing-before-the-verb", "P106")
    assert "add changes: [{field: email address, from: ..., to: ...}]" in _message(found, "updated-email-address", "P106")
    assert "{text: Only wants the annual report by post going forward., since: 2026-06-03}" in _message(found, "annual-report-by-post", "P108")
    assert "relationship: tenant}" in _message(found, "tenant", "P101")
    assert "owner: jdoe, action: Helen to ring him back about the warranty.}" in _message(found, "colleague-to-ring-internal", "P105")
    assert "remove the writer's view" in _message(found, "writer-stance", "P305")
    assert "state what was asked for" in _message(found, "mindset-put-on-a-person", "P305")
    assert "remove the motive" in _message(found, "silencing-intent", "P304")
    assert "relationship: office mgr}" in _message(found, "abbreviated-role", "P101")
    assert "owner: jdoe, action: Engineer will swing by on Thursday to fit it.}" in _message(found, "visit-of-ours", "P105")
    assert "relationship: dog walker}" in _message(found, "description-in-sentence-case", "P101")
    assert "action: We'll order the replacement hinge and fit it when it comes in.}" in _message(found, "we-will-any-action", "P105")
    assert "amount: 420, currency: GBP}" in _message(found, "balance-arranged", "P107")
    assert "{text: He uses a walking stick and needs a few minutes to reach the door, so engineers must wait., since: 2026-06-03}" in _message(
        found, "mobility-aid-and-instruction", "P108"
    )
