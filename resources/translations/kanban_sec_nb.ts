<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="85"/>
        <source>New recurring activity</source>
        <extracomment>How many of the next dates the rule preview lists.</extracomment>
        <translation>Ny gjentakende aktivitet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="87"/>
        <source>Change recurring activity</source>
        <translation>Endre gjentakende aktivitet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="93"/>
        <source>e.g. Restore test of the backups</source>
        <translation>f.eks. Gjenopprettingstest av sikkerhetskopien</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="97"/>
        <source>In words, e.g. “second Tuesday of every month”, or an RRULE</source>
        <translation>Med ord, f.eks. «andre tirsdag i hver måned», eller en RRULE</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="101"/>
        <source>Write how often in Norwegian or English — “andre tirsdag i hver måned”, “last Friday of every month”, “every weekday”, “hvert kvartal”, “every year on 1 March”, “first Monday in March” — or an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=2TU.</source>
        <translation>Skriv hvor ofte på norsk eller engelsk – «andre tirsdag i hver måned», «siste fredag i hver måned», «hver virkedag», «hvert kvartal», «hvert år 1. mars», «første mandag i mars» – eller en RRULE etter RFC 5545, f.eks. FREQ=MONTHLY;BYDAY=2TU.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="142"/>
        <source> days before</source>
        <translation> dager før</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="145"/>
        <source>Create its item late</source>
        <translation>Lag oppgaven likevel, for sent</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="146"/>
        <source>Skip to the next date</source>
        <translation>Hopp til neste dato</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="150"/>
        <source>(no chain)</source>
        <translation>(uten kjede)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="167"/>
        <source>(no owner)</source>
        <translation>(uten eier)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="177"/>
        <source>(not estimated)</source>
        <translation>(ikke anslått)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="182"/>
        <source>e.g. ISO 27001 8.2</source>
        <translation>f.eks. ISO 27001 8.2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="185"/>
        <source>Separate tags with ; or ,</source>
        <translation>Skill etikettene med ; eller ,</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="188"/>
        <source>The tag ROS (or ros-analyse, ros-analysis) makes this activity its chain&apos;s ROS duty: when an occurrence&apos;s item is put on the board, a ROS analysis of the chain is opened for that occurrence, dated its day, once.</source>
        <translation>Etiketten ROS (eller ros-analyse, ros-analysis) gjør aktiviteten til kjedens ROS-plikt: når en forekomsts oppgave legges på tavlen, åpnes én ROS-analyse av kjeden for den forekomsten, datert den dagen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="195"/>
        <source>What to do, and who takes part</source>
        <translation>Hva som skal gjøres, og hvem som deltar</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="206"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tittel:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="207"/>
        <source>&amp;When:</source>
        <translation>&amp;Når:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="208"/>
        <source>&amp;First day:</source>
        <translation>&amp;Første dag:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="209"/>
        <source>On the &amp;board:</source>
        <translation>&amp;På tavlen:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="210"/>
        <source>If &amp;missed:</source>
        <translation>&amp;Hvis glemt:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="211"/>
        <source>C&amp;hain:</source>
        <translation>K&amp;jede:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="212"/>
        <source>&amp;Link:</source>
        <translation>&amp;Ledd:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="214"/>
        <source>L&amp;ikelihood:</source>
        <translation>S&amp;annsynlighet:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="219"/>
        <source>Co&amp;nsequence:</source>
        <translation>K&amp;onsekvens:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="223"/>
        <source>&amp;Owner:</source>
        <translation>E&amp;ier:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="224"/>
        <source>E&amp;ffort:</source>
        <translation>Inn&amp;sats:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="225"/>
        <source>F&amp;ramework ref.:</source>
        <translation>Ramme&amp;verksref.:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="226"/>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Etiketter:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="227"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="324"/>
        <source>(no plain words for this rule)</source>
        <translation>(regelen kan ikke sies med vanlige ord)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="329"/>
        <source>Next: %1</source>
        <translation>Neste: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/activity_dialog.py" line="340"/>
        <source>Say how often, in words or as an RRULE.</source>
        <translation>Si hvor ofte, med ord eller som RRULE.</translation>
    </message>
</context>
<context>
    <name>AnnualWheelDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="68"/>
        <source>Annual wheel (årshjul)</source>
        <translation>Årshjul</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="94"/>
        <source>Export to calendar (.ics)…</source>
        <translation>Eksporter til kalender (.ics)…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="98"/>
        <source>Create what is due now</source>
        <translation>Opprett oppgaver som forfaller nå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="101"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="105"/>
        <source>&amp;New activity…</source>
        <translation>&amp;Ny aktivitet…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="109"/>
        <source>&amp;Change…</source>
        <translation>&amp;Endre…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="111"/>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="231"/>
        <source>&amp;Retire</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="124"/>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="138"/>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="198"/>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="315"/>
        <source>%1 (retired)</source>
        <translation>%1 (avsluttet)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="200"/>
        <source>%1 — overdue</source>
        <translation>%1 – forfalt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="229"/>
        <source>&amp;Bring back</source>
        <translation>&amp;Ta i bruk igjen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="301"/>
        <source>%1 days before each date</source>
        <translation>%1 dager før hver dato</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="308"/>
        <source>%1 (the whole chain)</source>
        <translation>%1 (hele kjeden)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="310"/>
        <source>no chain</source>
        <translation>ingen kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="322"/>
        <source>Retired: it makes no more items. Its history and its items stay; Bring back puts it in use again.</source>
        <translation>Avsluttet: lager ingen nye oppgaver. Historikken og oppgavene blir stående; «Ta i bruk igjen» tar den i bruk på nytt.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="332"/>
        <source>**When:** %1</source>
        <translation>**Når:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="336"/>
        <source>**Chain:** %1</source>
        <translation>**Kjede:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="338"/>
        <source>**Its items:** likelihood %1 × consequence %2</source>
        <translation>**Oppgavene:** sannsynlighet %1 × konsekvens %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="341"/>
        <source>**Owner:** %1</source>
        <translation>**Eier:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="342"/>
        <source>**On the board:** %1</source>
        <translation>**På tavlen:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="343"/>
        <source>**Framework:** %1</source>
        <translation>**Rammeverk:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="345"/>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="376"/>
        <source>%1 items put on the board.</source>
        <translation>%1 oppgaver lagt på tavlen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="390"/>
        <source>Export to calendar</source>
        <translation>Eksporter til kalender</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="392"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-filer (*.ics)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_dialog.py" line="402"/>
        <source>%1 activities written to %2</source>
        <translation>%1 aktiviteter skrevet til %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../kanban_sec/app.py" line="151"/>
        <source>Something went wrong that should not have: %1

The details are in %2. The board is saved; you can go on working.</source>
        <translation>Noe gikk galt som ikke skulle ha skjedd: %1

Detaljene står i %2. Tavlen er lagret; du kan fortsette å jobbe.</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="68"/>
        <source>hard limit</source>
        <extracomment>Items a risk owner accepted: out of the ranking until the acceptance runs out.</extracomment>
        <translation>fast grense</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="68"/>
        <source>limit</source>
        <translation>grense</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="81"/>
        <source>At the WIP limit</source>
        <translation>På WIP-grensen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="82"/>
        <source>Over the WIP limit: finish something before starting more</source>
        <translation>Over WIP-grensen: gjør noe ferdig før du begynner på mer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="94"/>
        <source>Column header: the number of cards and the WIP limit</source>
        <translation>Kolonneoverskrift: antall kort og WIP-grensen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="199"/>
        <source>Accepted risk (out of the ranking until it expires)</source>
        <extracomment>A card&apos;s context menu was asked for (right click or the menu key): where, global. The person folded (False) or unfolded (True) the accepted-risk lane. The accepted-risk lane shows its title only (its cards stay in its models).</extracomment>
        <translation>Akseptert risiko (utenfor rangeringen til aksepten løper ut)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="204"/>
        <source>Ranked</source>
        <translation>Rangert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="211"/>
        <source>No chain</source>
        <translation>Uten kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="214"/>
        <source>No owner</source>
        <translation>Ingen eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="218"/>
        <source>Expedite (pinned)</source>
        <translation>Haster (festet)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="323"/>
        <source>Accepted risk (%1)</source>
        <translation>Akseptert risiko (%1)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="325"/>
        <source>Show the accepted risks</source>
        <translation>Vis de aksepterte risikoene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="327"/>
        <source>Hide the accepted risks</source>
        <translation>Skjul de aksepterte risikoene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_widget.py" line="354"/>
        <source>Cards in rank order; Ctrl+Left and Ctrl+Right move the selected card</source>
        <translation>Kortene i rangert rekkefølge; Ctrl+Venstre og Ctrl+Høyre flytter det valgte kortet</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="89"/>
        <source>rank %1</source>
        <extracomment>The card&apos;s painted data (a :class:`Card`). The status key of the model&apos;s column. The band of a card whose likelihood or consequence nobody has assessed (a grey badge). Likelihood × consequence; ``None`` while either is unassessed. The day an accepted risk comes back into the ranking after (&quot;&quot; when not accepted). In ``verify`` and the board policy wants a controlling member&apos;s verification. Changed elsewhere at the same time (sync): a person resolves it (Sync ▸ Conflicts). An acceptance covered it until someone changed what was decided on: ranked again. The ROS matrix band of its likelihood × consequence cell: green, yellow or red; &quot;unassessed&quot; while nobody has judged its likelihood or consequence. How urgent its due date is (&quot;later&quot;, &quot;soon&quot;, &quot;overdue&quot;; &quot;&quot; without a due date). The due date&apos;s badge, e.g. &quot;due 15 Dec&quot; or &quot;overdue 1 Dec&quot; (&quot;&quot; without one). The due date as a screen reader says it, e.g. &quot;overdue since 1 December&quot;.</extracomment>
        <translation>plass %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="91"/>
        <source>weakest link</source>
        <translation>svakeste ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="93"/>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="232"/>
        <source>pinned</source>
        <translation>festet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="95"/>
        <source>blocked</source>
        <translation>blokkert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="98"/>
        <source>risk accepted until %1</source>
        <translation>risiko akseptert til %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="103"/>
        <source>sync conflict</source>
        <translation>synkroniseringskonflikt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="105"/>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="236"/>
        <source>acceptance void</source>
        <translation>aksept bortfalt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="107"/>
        <source>likelihood or consequence not assessed</source>
        <translation>sannsynlighet eller konsekvens ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="118"/>
        <source>(whole chain)</source>
        <translation>(hele kjeden)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="124"/>
        <source>Done: not ranked</source>
        <translation>Ferdig: ikke rangert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="174"/>
        <source>d MMM</source>
        <translation>d.M.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="174"/>
        <source>d MMM yyyy</source>
        <translation>d.M.yyyy</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="175"/>
        <source>d MMMM</source>
        <translation>d. MMMM</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="175"/>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="186"/>
        <source>overdue %1</source>
        <translation>forfalt %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="187"/>
        <source>overdue since %1</source>
        <translation>forfalt siden %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="190"/>
        <location filename="../../kanban_sec/ui/board_model.py" line="191"/>
        <source>due %1</source>
        <translation>frist %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="88"/>
        <source>%1 d</source>
        <extracomment>The score badge&apos;s colour by the ROS matrix band of the card&apos;s likelihood × consequence cell (the matrix&apos;s own hues), dark enough for white text at WCAG AA (≥ 4.5:1). The badge of a card changed elsewhere at the same time (an open sync conflict). Every colour white text is drawn on (pills and badges), for the contrast tests. The due date&apos;s badge within a week of the day (amber), and past it, not done (a darker red than a block&apos;s). Further off it is outlined in the text colour: no alarm. Every colour white text is drawn on (score pills and badges), for the contrast tests. The focus ring&apos;s width at least, in pixels (it grows with the font).</extracomment>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="89"/>
        <source>no owner</source>
        <translation>ingen eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="91"/>
        <source>can be delegated</source>
        <translation>kan delegeres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="230"/>
        <source>conflict</source>
        <translation>konflikt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="240"/>
        <source>accepted until %1</source>
        <translation>akseptert til %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="245"/>
        <source>needs verification</source>
        <translation>må verifiseres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/board_model.py" line="101"/>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="248"/>
        <source>confidential</source>
        <translation>konfidensiell</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/card_delegate.py" line="250"/>
        <source>internal</source>
        <translation>intern</translation>
    </message>
</context>
<context>
    <name>ChainMap</name>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="83"/>
        <source>unassessed</source>
        <extracomment>Maturity 0..3 as colour (fill), dark to light enough for black text.</extracomment>
        <translation>ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="86"/>
        <source>L%1 × C%2</source>
        <translation>S%1 × K%2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="128"/>
        <source>⚑ Weakest link of the chain</source>
        <translation>⚑ Kjedens svakeste ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="130"/>
        <source>Risks on this link:</source>
        <translation>Risikoer på dette leddet:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="136"/>
        <source>(no kind)</source>
        <translation>(ingen type)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="141"/>
        <source>(no unit)</source>
        <translation>(ingen enhet)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="144"/>
        <source>Maturity %1/%2</source>
        <translation>Modenhet %1/%2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="418"/>
        <source>Data flows</source>
        <translation>Dataflyter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="425"/>
        <source>(no data flows yet)</source>
        <translation>(ingen dataflyter ennå)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="428"/>
        <source>Risks on the chain as a whole (%1)</source>
        <translation>Risikoer for kjeden som helhet (%1)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="432"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="435"/>
        <source>Colour: maturity 0 (red) to %1 (green) · ⚑ weakest link</source>
        <translation>Farge: modenhet 0 (rød) til %1 (grønn) · ⚑ svakeste ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map_scene.py" line="439"/>
        <source>Badge: the link&apos;s risks, coloured by the worst band</source>
        <translation>Merke: leddets risikoer, farget etter verste sone</translation>
    </message>
</context>
<context>
    <name>ChainMapWindow</name>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="177"/>
        <source>Chain map</source>
        <extracomment>QSettings group of the positions boxes were dragged to: chain_map/&lt;chain id&gt;/&lt;link id&gt;.</extracomment>
        <translation>Kjedekart</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="178"/>
        <source>&amp;Chain:</source>
        <translation>&amp;Kjede:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="179"/>
        <source>Chain to show</source>
        <translation>Kjede som vises</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="180"/>
        <source>Lay out again</source>
        <translation>Legg ut på nytt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="182"/>
        <source>Forget where boxes were dragged and lay the chain out automatically</source>
        <translation>Glem hvor boksene ble flyttet, og legg ut kjeden automatisk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="184"/>
        <source>Fit to window</source>
        <translation>Tilpass til vinduet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="186"/>
        <source>Click a link to show its items on the board · double-click for its risks</source>
        <translation>Klikk på et ledd for å vise oppgavene på tavlen · dobbeltklikk for risikoene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="188"/>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="189"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="190"/>
        <source>Export as PNG…</source>
        <translation>Eksporter som PNG…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="191"/>
        <source>Export as SVG…</source>
        <translation>Eksporter som SVG…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="192"/>
        <source>Export as Open Threat Model (OTM)…</source>
        <translation>Eksporter som Open Threat Model (OTM)…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="193"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="255"/>
        <source>No risks on this link yet.</source>
        <translation>Ingen risikoer på dette leddet ennå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="265"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-bilde (*.png)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="266"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-tegning (*.svg)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="267"/>
        <source>Open Threat Model (*.otm.json *.json)</source>
        <translation>Open Threat Model (*.otm.json *.json)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="272"/>
        <source>Export the chain map</source>
        <translation>Eksporter kjedekartet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chain_map.py" line="291"/>
        <source>Written: %1</source>
        <translation>Skrevet: %1</translation>
    </message>
</context>
<context>
    <name>ChainsDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="65"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="533"/>
        <source>Chains and links</source>
        <extracomment>Qt.UserRole payload of a chain row or a link row: its id. The links table&apos;s columns. Emitted with each :class:`Outcome` after it was applied to the live board.</extracomment>
        <translation>Kjeder og ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="105"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="154"/>
        <source>Chain</source>
        <extracomment>Chains, their risk owners and targets are the governing members&apos; to change; links (and their maturity) anyone who works items may assess.</extracomment>
        <translation>Kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="105"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="166"/>
        <source>Risk owner</source>
        <translation>Risikoeier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="105"/>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="117"/>
        <source>Name of a new chain</source>
        <translation>Navn på ny kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="119"/>
        <source>Add chain</source>
        <translation>Legg til kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="122"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="576"/>
        <source>Delete chain</source>
        <translation>Slett kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="125"/>
        <source>Chain map…</source>
        <translation>Kjedekart…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="128"/>
        <source>Draw the chosen chain: its links, data flows and risks</source>
        <translation>Tegn den valgte kjeden: ledd, dataflyter og risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="159"/>
        <source>(no risk owner)</source>
        <translation>(ingen risikoeier)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="165"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="245"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="167"/>
        <source>Target maturity</source>
        <translation>Målmodenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="169"/>
        <source>Links</source>
        <translation>Ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="175"/>
        <source>Link</source>
        <translation>Ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="176"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="241"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="177"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="243"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="178"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="246"/>
        <source>Responsible unit</source>
        <translation>Ansvarlig enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="179"/>
        <source>Maturity</source>
        <translation>Modenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="180"/>
        <source>Open items</source>
        <translation>Åpne oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="184"/>
        <source>The chain&apos;s weakest link: its items come first</source>
        <translation>Kjedens svakeste ledd: oppgavene her kommer først</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="204"/>
        <source>Name of a new link</source>
        <translation>Navn på nytt ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="206"/>
        <source>Add link</source>
        <translation>Legg til ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="209"/>
        <source>Rename link</source>
        <translation>Gi nytt navn</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="212"/>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="631"/>
        <source>Delete link</source>
        <translation>Slett ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="222"/>
        <source>Selected link</source>
        <translation>Valgt ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="229"/>
        <source>device, network, cloud service, vendor…</source>
        <translation>utstyr, nettverk, sky…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="233"/>
        <source>e.g. NO</source>
        <translation>f.eks. NO</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="234"/>
        <source>Where the link runs or is operated from</source>
        <translation>Hvor leddet kjører eller driftes fra</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="236"/>
        <source>(no responsible unit)</source>
        <translation>(ingen ansvarlig enhet)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="270"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="271"/>
        <source>ad hoc</source>
        <translation>ad hoc</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="272"/>
        <source>defined</source>
        <translation>definert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="273"/>
        <source>measured</source>
        <translation>målt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="325"/>
        <source>Add a chain or select one.</source>
        <translation>Legg til en kjede eller velg en.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="372"/>
        <source>Weakest link: fix this first</source>
        <translation>Svakeste ledd: ta tak i dette først</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="380"/>
        <source>How mature %1 is: raise it when the link is improved</source>
        <translation>Hvor moden %1 er: hev nivået når leddet er forbedret</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="424"/>
        <source>No open items stand on this chain, so it has no weakest link now.</source>
        <translation>Ingen åpne oppgaver hører til denne kjeden, så den har ikke noe svakeste ledd nå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="426"/>
        <source>No link with open work is below the target, so no item is flagged.</source>
        <translation>Ingen ledd med åpent arbeid er under målet, så ingen oppgave er flagget.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="434"/>
        <source>%1 open items are on the chain as a whole (no link): their gap is the weakest link&apos;s.</source>
        <translation>%1 åpne oppgaver gjelder kjeden som helhet (uten ledd): gapet deres er det svakeste leddets.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="429"/>
        <source>%1 Weakest link: %2 (maturity %3/%4): its items come first.</source>
        <translation>%1 Svakeste ledd: %2 (modenhet %3/%4): oppgavene der kommer først.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="573"/>
        <source>Delete the chain %1 and its %2 links?</source>
        <translation>Slette kjeden %1 med sine %2 ledd?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/chains_dialog.py" line="630"/>
        <source>Delete the link %1?</source>
        <translation>Slette leddet %1?</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="41"/>
        <source>New checklist entry</source>
        <translation>Nytt punkt i sjekklisten</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="43"/>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="46"/>
        <source>Edit</source>
        <translation>Rediger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="49"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="52"/>
        <source>Move up</source>
        <translation>Flytt opp</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="54"/>
        <source>Move down</source>
        <translation>Flytt ned</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="142"/>
        <source>{done} of {count} done</source>
        <translation>{done} av {count} ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_checklist.py" line="146"/>
        <source>No checklist yet</source>
        <translation>Ingen sjekkliste ennå</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="79"/>
        <source>Sync conflicts</source>
        <extracomment>Emitted with the :class:`Outcome` of each resolution. The person wants to see the item of a conflict on the board (its id).</extracomment>
        <translation>Synkroniseringskonflikter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="87"/>
        <source>These values were changed on two computers at the same time. The board shows one of them everywhere; the other is kept here until somebody decides. Your choice syncs to everybody.</source>
        <translation>Disse verdiene ble endret på to maskiner samtidig. Tavlen viser én av dem overalt; den andre tas vare på her til noen bestemmer. Valget ditt synkroniseres til alle.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="96"/>
        <source>Item</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="97"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="98"/>
        <source>Mine</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="99"/>
        <source>Theirs</source>
        <translation>Deres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="100"/>
        <source>Overwritten value by</source>
        <translation>Overskrevet verdi av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="101"/>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="161"/>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="106"/>
        <source>No open conflicts.</source>
        <translation>Ingen åpne konflikter.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="113"/>
        <source>Keep mine</source>
        <translation>Behold min</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="116"/>
        <source>Take theirs</source>
        <translation>Ta deres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="119"/>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="122"/>
        <source>Restore with the change</source>
        <translation>Gjenopprett med endringen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="125"/>
        <source>Bring the deleted row back, with the change made meanwhile</source>
        <translation>Hent tilbake den slettede raden, med endringen som ble gjort i mellomtiden</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="128"/>
        <source>Confirm delete</source>
        <translation>Bekreft slettingen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="131"/>
        <source>Keep the row deleted; the change made meanwhile is dropped</source>
        <translation>La raden forbli slettet; endringen som ble gjort i mellomtiden forkastes</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="145"/>
        <source>Quarantined</source>
        <translation>I karantene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="149"/>
        <source>Changes from the server this board cannot apply. They are kept here and never applied; the rest of the board syncs as usual. Tell whoever made them, or your administrator.</source>
        <translation>Endringer fra serveren som denne tavlen ikke kan bruke. De tas vare på her og brukes aldri; resten av tavlen synkroniseres som vanlig. Si fra til den som gjorde dem, eller til administratoren din.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="158"/>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="162"/>
        <source>Fields</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="160"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="159"/>
        <source>Why it cannot be applied</source>
        <translation>Hvorfor den ikke kan brukes</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="193"/>
        <source>deleted while changed</source>
        <translation>slettet mens den ble endret</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="223"/>
        <source>changed: %1</source>
        <translation>endret: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="224"/>
        <source>deleted</source>
        <translation>slettet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="254"/>
        <source>Quarantined (%1)</source>
        <translation>I karantene (%1)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="284"/>
        <source>“%1” was deleted by %2 while %3 changed %4. Restore it with the change, or confirm the delete.</source>
        <translation>«%1» ble slettet av %2 mens %3 endret %4. Gjenopprett den med endringen, eller bekreft slettingen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="320"/>
        <source>Edit the value</source>
        <translation>Rediger verdien</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/conflicts_dialog.py" line="322"/>
        <source>New value for %1 of “%2”:</source>
        <translation>Ny verdi for %1 i «%2»:</translation>
    </message>
</context>
<context>
    <name>CsvDialogs</name>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="474"/>
        <source>Import CSV</source>
        <translation>Importer CSV</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="480"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-filer (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="481"/>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="527"/>
        <source>Export CSV</source>
        <translation>Eksporter CSV</translation>
    </message>
</context>
<context>
    <name>CsvImporter</name>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="297"/>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="379"/>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="388"/>
        <source>Import CSV</source>
        <extracomment>The running import&apos;s background call (``None`` when none runs). A note for the status bar after the last import, e.g. &quot;cancelled too late&quot;.</extracomment>
        <translation>Importer CSV</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="298"/>
        <source>Checking %1…</source>
        <translation>Kontrollerer %1…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="298"/>
        <source>Importing %1…</source>
        <translation>Importerer %1…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="329"/>
        <source>Cancelling… nothing will be written.</source>
        <translation>Avbryter… ingenting blir skrevet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="363"/>
        <source>The import had already been saved when Cancel was pressed; it was kept.</source>
        <translation>Importen var allerede lagret da du trykket Avbryt; den er beholdt.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="367"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>Importen er avbrutt: ingenting er skrevet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="390"/>
        <source>The file has columns kanban-sec does not know: %1.

Import the other columns and leave these out?</source>
        <translation>Filen har kolonner som kanban-sec ikke kjenner: %1.

Vil du importere de andre kolonnene og utelate disse?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="397"/>
        <source>Leave them out</source>
        <translation>Utelat dem</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="87"/>
        <source>Hide the side panel</source>
        <extracomment>The panel&apos;s maximum width when open (no limit) and the strip&apos;s when folded (the button). The person pressed the button: True to open the panel, False to fold it. The card&apos;s chain was clicked: show its chain map (the chain&apos;s id). The toggle&apos;s shortcut as the tooltip shows it (the window&apos;s View ▸ action).</extracomment>
        <translation>Skjul sidepanelet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="87"/>
        <source>Show the side panel</source>
        <translation>Vis sidepanelet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="90"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="97"/>
        <source>Select a card to see why it ranks where it does.</source>
        <translation>Velg et kort for å se hvorfor det er rangert der det er.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="105"/>
        <source>**Rank %1** · score %2</source>
        <translation>**Plass %1** · poeng %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="113"/>
        <source>**Risk accepted** until %1 by %2: %3</source>
        <translation>**Risiko akseptert** til %1 av %2: %3</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="121"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="122"/>
        <source>Chain › link</source>
        <translation>Kjede › ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="123"/>
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="124"/>
        <source>Owner unit</source>
        <translation>Eierenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="125"/>
        <source>Risk owner</source>
        <translation>Risikoeier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="126"/>
        <source>Framework</source>
        <translation>Rammeverk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="127"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="130"/>
        <source>Due date</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="132"/>
        <source>ROS risk</source>
        <translation>ROS-risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="138"/>
        <source>Can be delegated to</source>
        <translation>Kan delegeres til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="140"/>
        <source>Blocked</source>
        <translation>Blokkert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="142"/>
        <source>Pinned</source>
        <translation>Festet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="145"/>
        <source>Before done</source>
        <translation>Før ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="145"/>
        <source>a controlling member verifies it (board policy)</source>
        <translation>en kontrollerende verifiserer den (tavlens regel)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="151"/>
        <source>⚠ Conflict</source>
        <translation>⚠ Konflikt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="153"/>
        <source>%1 was changed elsewhere at the same time; decide which value stays under Sync ▸ Conflicts…</source>
        <translation>%1 ble endret et annet sted samtidig; bestem hvilken verdi som blir stående under Synkronisering ▸ Konflikter…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="160"/>
        <source>Chain map of %1</source>
        <translation>Kjedekart for %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="175"/>
        <source>a measure of «%1» (its likelihood × consequence)</source>
        <translation>et tiltak for «%1» (dens sannsynlighet × konsekvens)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="184"/>
        <source>%1 — **overdue**</source>
        <translation>%1 — **forfalt**</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/detail_panel.py" line="186"/>
        <source>%1 — within a week</source>
        <translation>%1 — innen en uke</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="555"/>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="620"/>
        <source>Export CSV</source>
        <translation>Eksporter CSV</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="560"/>
        <source>Choose where to save the file</source>
        <translation>Velg hvor filen skal lagres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="562"/>
        <source>Choose…</source>
        <translation>Velg…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="571"/>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="572"/>
        <source>Semicolon (;) — Excel with Norwegian settings</source>
        <translation>Semikolon (;) — Excel med norske innstillinger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="573"/>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="577"/>
        <source>Include done items</source>
        <translation>Ta med ferdige oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="580"/>
        <source>Include confidential items</source>
        <translation>Ta med konfidensielle oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="583"/>
        <source>Confidential items are left out of an export unless you tick this.</source>
        <translation>Konfidensielle oppgaver blir ikke eksportert med mindre du krysser av her.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="587"/>
        <source>The file will hold confidential items: store and share it accordingly.</source>
        <translation>Filen vil inneholde konfidensielle oppgaver: lagre og del den deretter.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="593"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="594"/>
        <source>Separator:</source>
        <translation>Skilletegn:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="603"/>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="623"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="623"/>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../kanban_sec/ui/file_actions.py" line="32"/>
        <source>Load the example board</source>
        <extracomment>The last import started (it runs in the background).</extracomment>
        <translation>Last inn eksempeltavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/file_actions.py" line="50"/>
        <source>Import CSV</source>
        <translation>Importer CSV</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/file_actions.py" line="63"/>
        <source>Wrote %1 items to %2</source>
        <translation>Skrev %1 oppgaver til %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/file_actions.py" line="68"/>
        <source>%1 confidential items not included</source>
        <translation>%1 konfidensielle oppgaver er ikke med</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="123"/>
        <source>Clear filters</source>
        <extracomment>A combo box&apos;s &quot;any …&quot; entry. The ROS matrix cell shown alone: (likelihood, consequence), or None. The measures of these ROS risks shown alone (chosen in the ROS matrix), or None. The link chosen on the chain map, shown as a chip that clears it when clicked.</extracomment>
        <translation>Nullstill filtre</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="124"/>
        <source>Search title, tag, reference, chain…</source>
        <translation>Søk i tittel, etikett, referanse, kjede…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="125"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="126"/>
        <source>⚑ Weakest link only</source>
        <translation>⚑ Bare svakeste ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="127"/>
        <source>Blocked</source>
        <translation>Blokkert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="134"/>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="135"/>
        <source>Show only my items</source>
        <translation>Vis bare mine oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="136"/>
        <source>Show only weakest links</source>
        <translation>Vis bare svakeste ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="137"/>
        <source>Show only blocked items</source>
        <translation>Vis bare blokkerte oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="138"/>
        <source>Filter by owner unit</source>
        <translation>Filtrer på eierenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="139"/>
        <source>Filter by chain</source>
        <translation>Filtrer på kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="140"/>
        <source>Filter by link</source>
        <translation>Filtrer på ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="141"/>
        <source>Filter by tag</source>
        <translation>Filtrer på etikett</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="142"/>
        <source>Filter by classification</source>
        <translation>Filtrer på gradering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="143"/>
        <source>ROS matrix cell filter</source>
        <translation>Filter på celle i ROS-matrisen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="144"/>
        <source>ROS risk measures filter</source>
        <translation>Filter på tiltak for ROS-risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="145"/>
        <source>Chain map link filter: click to clear</source>
        <translation>Filter på ledd fra kjedekartet: klikk for å fjerne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="173"/>
        <source>Any owner unit</source>
        <translation>Alle eierenheter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="178"/>
        <source>Any chain</source>
        <translation>Alle kjeder</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="181"/>
        <source>Any tag</source>
        <translation>Alle etiketter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="183"/>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="184"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="185"/>
        <source>Confidential</source>
        <translation>Konfidensiell</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="189"/>
        <source>Any classification</source>
        <translation>Alle graderinger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="198"/>
        <source>Any link</source>
        <translation>Alle ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="239"/>
        <source>Matrix cell: likelihood %1 × consequence %2</source>
        <translation>Matrisecelle: sannsynlighet %1 × konsekvens %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="262"/>
        <source>Measures of %1 ROS risk(s)</source>
        <translation>Tiltak for %1 ROS-risiko(er)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="265"/>
        <source>Measures of %1 ROS risk(s) in likelihood %2 × consequence %3</source>
        <translation>Tiltak for %1 ROS-risiko(er) i sannsynlighet %2 × konsekvens %3</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="271"/>
        <source>Clear filters shows the whole board again</source>
        <translation>Fjern filtre viser hele tavlen igjen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="289"/>
        <source>Link: %1 ▸ %2  ✕</source>
        <translation>Ledd: %1 ▸ %2  ✕</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/filter_bar.py" line="293"/>
        <source>Show the whole board again</source>
        <translation>Vis hele tavlen igjen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="38"/>
        <location filename="../../kanban_sec/ui/first_run.py" line="43"/>
        <source>Welcome to kanban-sec</source>
        <translation>Velkommen til kanban-sec</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="50"/>
        <source>The board is empty. How would you like to start? You can import a CSV file or load the example later from the File menu as well.</source>
        <translation>Tavlen er tom. Hvordan vil du begynne? Du kan også importere en CSV-fil eller laste inn eksempelet senere fra Fil-menyen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="58"/>
        <source>Start with the example board</source>
        <translation>Begynn med eksempeltavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="60"/>
        <source>A municipality&apos;s services, organisation and improvement items: a good way to see how the weakest link is ranked first.</source>
        <translation>Tjenester, organisasjon og forbedringsoppgaver i en kommune: en god måte å se hvordan det svakeste leddet rangeres først.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="66"/>
        <source>Start with an empty board</source>
        <translation>Begynn med en tom tavle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="67"/>
        <source>Add your own chains, links and items.</source>
        <translation>Legg inn egne kjeder, ledd og oppgaver.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="71"/>
        <source>Import a CSV file…</source>
        <translation>Importer en CSV-fil…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="73"/>
        <source>Items exported from kanban-sec, Excel or another tool. Nothing is imported unless the whole file is correct.</source>
        <translation>Oppgaver eksportert fra kanban-sec, Excel eller et annet verktøy. Ingenting importeres med mindre hele filen er riktig.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/first_run.py" line="90"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="127"/>
        <source>History</source>
        <extracomment>Entries the table shows at most (the newest); an export has them all.</extracomment>
        <translation>Historikk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="134"/>
        <source>Item title contains…</source>
        <translation>Tittelen inneholder…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="142"/>
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="147"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="294"/>
        <source>With confidential details</source>
        <translation>Med konfidensielle detaljer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="152"/>
        <source>Without it the export names confidential items only by id and hides their values. Either way, the export and this choice are recorded.</source>
        <translation>Uten dette nevner eksporten konfidensielle oppgaver bare med id og skjuler verdiene. Uansett registreres eksporten og valget.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="243"/>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="244"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="245"/>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="246"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="288"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="247"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="248"/>
        <source>Old</source>
        <translation>Gammel</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="249"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="175"/>
        <source>&amp;Item:</source>
        <translation>&amp;Oppgave:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="176"/>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="177"/>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="178"/>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="211"/>
        <source>No limit</source>
        <translation>Ingen grense</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="224"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="257"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="264"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="295"/>
        <source>Item</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="265"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="296"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="266"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="267"/>
        <source>Chain</source>
        <translation>Kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="268"/>
        <source>Link</source>
        <translation>Ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="269"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="270"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="271"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="305"/>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="272"/>
        <source>Standup</source>
        <translation>Standup</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="273"/>
        <source>Standup note</source>
        <translation>Standupnotat</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="274"/>
        <source>CSV export/import</source>
        <translation>CSV-eksport/-import</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="275"/>
        <source>Risk decision</source>
        <translation>Risikobeslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="276"/>
        <source>Verification</source>
        <translation>Verifisering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="277"/>
        <source>Setting</source>
        <translation>Innstilling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="278"/>
        <location filename="../../kanban_sec/ui/history_view.py" line="359"/>
        <source>ROS risk</source>
        <translation>ROS-risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="279"/>
        <source>Information value</source>
        <translation>Informasjonsverdi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="280"/>
        <source>Data flow</source>
        <translation>Dataflyt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="281"/>
        <source>ROS analysis</source>
        <translation>ROS-analyse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="282"/>
        <source>Sync conflict</source>
        <translation>Synkroniseringskonflikt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="289"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="290"/>
        <source>Author</source>
        <translation>Forfatter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="291"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="292"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="293"/>
        <source>Items</source>
        <translation>Oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="297"/>
        <source>Parent unit</source>
        <translation>Overordnet enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="298"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="299"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="300"/>
        <source>Maturity</source>
        <translation>Modenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="301"/>
        <source>Responsible unit</source>
        <translation>Ansvarlig enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="302"/>
        <source>Risk owner</source>
        <translation>Risikoeier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="303"/>
        <source>Target maturity</source>
        <translation>Målmodenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="304"/>
        <source>Acceptance void</source>
        <translation>Aksept bortfalt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="306"/>
        <source>Occurrence</source>
        <translation>Forekomst</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="307"/>
        <source>In use</source>
        <translation>I bruk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="308"/>
        <source>Schedule (RRULE)</source>
        <translation>Gjentakelse (RRULE)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="309"/>
        <source>First day</source>
        <translation>Første dag</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="310"/>
        <source>Days before on the board</source>
        <translation>Dager før på tavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="311"/>
        <source>If missed</source>
        <translation>Hvis glemt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="312"/>
        <source>Made from item</source>
        <translation>Laget fra oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="313"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="314"/>
        <source>Led by</source>
        <translation>Ledet av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="315"/>
        <source>Attendees</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="316"/>
        <source>Board at the start</source>
        <translation>Tavlen ved start</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="317"/>
        <source>Ended</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="318"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="319"/>
        <source>Rationale</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="320"/>
        <source>Valid until</source>
        <translation>Gyldig til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="321"/>
        <source>Covers</source>
        <translation>Omfatter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="322"/>
        <source>Decided by</source>
        <translation>Besluttet av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="323"/>
        <source>Decided</source>
        <translation>Besluttet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="324"/>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="325"/>
        <source>Why recommended</source>
        <translation>Begrunnelse for anbefalingen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="326"/>
        <source>Recommended by</source>
        <translation>Anbefalt av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="327"/>
        <source>Run by</source>
        <translation>Driftes av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="328"/>
        <source>Threat</source>
        <translation>Trussel</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="329"/>
        <source>Vulnerability</source>
        <translation>Sårbarhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="330"/>
        <source>Existing measures</source>
        <translation>Eksisterende tiltak</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="331"/>
        <source>Information values at stake</source>
        <translation>Informasjonsverdier som berøres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="332"/>
        <source>Likelihood by</source>
        <translation>Sannsynlighet vurdert av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="333"/>
        <source>Likelihood assessed</source>
        <translation>Sannsynlighet vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="334"/>
        <source>Why this likelihood</source>
        <translation>Begrunnelse for sannsynlighet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="335"/>
        <source>Strength of knowledge (likelihood)</source>
        <translation>Kunnskapsstyrke (sannsynlighet)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="336"/>
        <source>Consequence by</source>
        <translation>Konsekvens vurdert av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="337"/>
        <source>Consequence assessed</source>
        <translation>Konsekvens vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="338"/>
        <source>Why this consequence</source>
        <translation>Begrunnelse for konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="339"/>
        <source>Strength of knowledge (consequence)</source>
        <translation>Kunnskapsstyrke (konsekvens)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="340"/>
        <source>Inherent likelihood</source>
        <translation>Opprinnelig sannsynlighet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="341"/>
        <source>Inherent consequence</source>
        <translation>Opprinnelig konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="342"/>
        <source>Target likelihood</source>
        <translation>Mål for sannsynlighet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="343"/>
        <source>Target consequence</source>
        <translation>Mål for konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="344"/>
        <source>Confidentiality</source>
        <translation>Konfidensialitet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="345"/>
        <source>Integrity</source>
        <translation>Integritet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="346"/>
        <source>Availability</source>
        <translation>Tilgjengelighet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="347"/>
        <source>Valued by</source>
        <translation>Verdsatt av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="348"/>
        <source>Valued</source>
        <translation>Verdsatt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="349"/>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="350"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="351"/>
        <source>From link</source>
        <translation>Fra ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="352"/>
        <source>To link</source>
        <translation>Til ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="353"/>
        <source>Data</source>
        <translation>Opplysninger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="354"/>
        <source>Participants</source>
        <translation>Deltakere</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="355"/>
        <source>Risks assessed</source>
        <translation>Vurderte risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="356"/>
        <source>Decisions</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="357"/>
        <source>Matrix bands</source>
        <translation>Matrisens soner</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="358"/>
        <source>Scale words</source>
        <translation>Skalaenes ord</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="392"/>
        <source>Showing the newest {count} changes; the export has them all.</source>
        <translation>Viser de {count} nyeste endringene; eksporten har alle.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="398"/>
        <source>{count} changes</source>
        <translation>{count} endringer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="411"/>
        <source>Export history</source>
        <translation>Eksporter historikk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="411"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/history_view.py" line="421"/>
        <source>Exported {count} changes to {path}</source>
        <translation>Eksporterte {count} endringer til {path}</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="118"/>
        <source>Import refused</source>
        <extracomment>How long an import may take before its progress dialog appears (short ones never flash). SQLite virtual-machine steps between two looks at the cancel flag inside one statement. Qt&apos;s translate, under the name pyside6-lupdate looks for outside classes.</extracomment>
        <translation>Importen ble avvist</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="125"/>
        <source>Nothing was imported. Fix this problem in %1 and import again.</source>
        <translation>Ingenting er importert. Rett denne feilen i %1 og importer på nytt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="128"/>
        <source>Nothing was imported. Fix these %n problems in %1 and import again.</source>
        <translation>
            <numerusform>Ingenting er importert. Rett %n feil i %1 og importer på nytt.</numerusform>
            <numerusform>Ingenting er importert. Rett disse %n feilene i %1 og importer på nytt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="146"/>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="206"/>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="146"/>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="206"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="146"/>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="206"/>
        <source>Problem</source>
        <translation>Feil</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="178"/>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="180"/>
        <source>Copy the report to the clipboard as text</source>
        <translation>Kopier rapporten til utklippstavlen som tekst</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="104"/>
        <source>New item</source>
        <extracomment>Emitted with each :class:`Outcome` a service call of this dialog returned.</extracomment>
        <translation>Ny oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="106"/>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="728"/>
        <source>Item: {title}</source>
        <translation>Oppgave: {title}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="117"/>
        <source>&amp;Details</source>
        <translation>&amp;Detaljer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="118"/>
        <source>D&amp;escription</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="120"/>
        <source>Chec&amp;klist</source>
        <translation>&amp;Sjekkliste</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="121"/>
        <source>&amp;Comments</source>
        <translation>Ko&amp;mmentarer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="122"/>
        <source>&amp;History</source>
        <translation>&amp;Historikk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="180"/>
        <source>What is to be improved (required)</source>
        <extracomment>What is saved (None for a new item: every value is sent).</extracomment>
        <translation>Hva skal forbedres (må fylles ut)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="203"/>
        <source>(no chain)</source>
        <extracomment>Whether the person has typed in (or emptied) the title: only then is a missing title said, once, under the field (a new item does not open with an error).</extracomment>
        <translation>(uten kjede)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="210"/>
        <source>A measure of a ROS risk takes the risk&apos;s likelihood and consequence</source>
        <translation>Et tiltak for en ROS-risiko får risikoens sannsynlighet og konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="216"/>
        <source>How likely the weakness is exploited or fails: %1 to %2. Estimated by IT.</source>
        <translation>Hvor sannsynlig det er at svakheten utnyttes eller svikter: %1 til %2. Anslått av IT.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="222"/>
        <source>How bad it is when it happens: %1 to %2. Assessed by the risk owner.</source>
        <translation>Hvor ille det er når det skjer: %1 til %2. Vurdert av risikoeieren.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="235"/>
        <source>(not estimated)</source>
        <translation>(ikke anslått)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="246"/>
        <source>e.g. NSM 2.6.7 or CIS 15.5</source>
        <translation>f.eks. NSM 2.6.7 eller CIS 15.5</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="255"/>
        <source>Separate tags with ; or ,</source>
        <translation>Skill etikettene med ; eller ,</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="262"/>
        <source>No due date</source>
        <translation>Ingen frist</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="272"/>
        <source>Not blocked; write what it waits for</source>
        <translation>Ikke blokkert; skriv hva den venter på</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="275"/>
        <source>Not pinned; a reason puts the item first</source>
        <translation>Ikke festet; en begrunnelse setter oppgaven først</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="286"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tittel:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="289"/>
        <source>C&amp;olumn:</source>
        <translation>&amp;Kolonne:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="290"/>
        <source>C&amp;hain:</source>
        <translation>K&amp;jede:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="291"/>
        <source>&amp;Link:</source>
        <translation>&amp;Ledd:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="292"/>
        <source>ROS &amp;risk:</source>
        <translation>ROS-&amp;risiko:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="294"/>
        <source>L&amp;ikelihood:</source>
        <translation>S&amp;annsynlighet:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="295"/>
        <source>Co&amp;nsequence:</source>
        <translation>Ko&amp;nsekvens:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="300"/>
        <source>Score:</source>
        <translation>Poeng:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="301"/>
        <source>E&amp;ffort:</source>
        <translation>&amp;Innsats:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="302"/>
        <source>Owner:</source>
        <translation>Eier:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="303"/>
        <source>F&amp;ramework ref.:</source>
        <translation>Ramme&amp;verksref.:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="304"/>
        <source>Cl&amp;assification:</source>
        <translation>&amp;Gradering:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="305"/>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Etiketter:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="306"/>
        <source>D&amp;ue date:</source>
        <translation>F&amp;rist:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="309"/>
        <source>&amp;Blocked because:</source>
        <translation>Bl&amp;okkert fordi:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="310"/>
        <source>&amp;Pinned because:</source>
        <translation>&amp;Festet fordi:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="313"/>
        <source>Owner (lowest operational level)</source>
        <translation>Eier (laveste operative nivå)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="352"/>
        <source>not assessed</source>
        <translation>ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="372"/>
        <source>from the risk «%1»</source>
        <translation>fra risikoen «%1»</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="377"/>
        <source>counts as 3 in the score until assessed</source>
        <translation>teller som 3 i poengsummen til den er vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="395"/>
        <source>Markdown: **bold**, - lists, [links](…)</source>
        <translation>Markdown: **fet**, - lister, [lenker](…)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="411"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="412"/>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="430"/>
        <source>Write a comment; it is saved with the item when you press OK</source>
        <translation>Skriv en kommentar; den lagres med oppgaven når du trykker OK</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="433"/>
        <source>Add comment</source>
        <translation>Legg til kommentar</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="462"/>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="463"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="464"/>
        <source>Confidential</source>
        <translation>Konfidensiell</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="507"/>
        <source>New item: ranked when it is saved</source>
        <translation>Ny oppgave: rangeres når den lagres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="511"/>
        <source>Done: not ranked</source>
        <translation>Ferdig: ikke rangert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="515"/>
        <source>Rank {rank} of {count} · score {score}</source>
        <translation>Plass {rank} av {count} · poeng {score}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="532"/>
        <source>not saved yet</source>
        <translation>ikke lagret ennå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="542"/>
        <source>Saved with the item when you press OK</source>
        <translation>Lagres med oppgaven når du trykker OK</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="573"/>
        <source>Risk owner: none (the item is in no chain)</source>
        <translation>Risikoeier: ingen (oppgaven hører ikke til en kjede)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="576"/>
        <source>Risk owner: {owner}</source>
        <translation>Risikoeier: {owner}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="577"/>
        <source>not set</source>
        <translation>ikke satt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="611"/>
        <source>A title is required.</source>
        <translation>Tittel må fylles ut.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="617"/>
        <source>The description is longer than {limit} characters.</source>
        <translation>Beskrivelsen er lengre enn {limit} tegn.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_dialog.py" line="704"/>
        <source>The item was not saved</source>
        <translation>Oppgaven ble ikke lagret</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_risk.py" line="29"/>
        <source>(no ROS risk)</source>
        <translation>(ingen ROS-risiko)</translation>
    </message>
</context>
<context>
    <name>ItemFields</name>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="224"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="225"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="226"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="227"/>
        <source>Chain</source>
        <translation>Kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="228"/>
        <source>Link</source>
        <translation>Ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="229"/>
        <source>Likelihood</source>
        <translation>Sannsynlighet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="230"/>
        <source>Consequence</source>
        <translation>Konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="231"/>
        <source>Effort</source>
        <translation>Innsats</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="232"/>
        <source>Owner unit</source>
        <translation>Eierenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="233"/>
        <source>Owner person</source>
        <translation>Eier (person)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="234"/>
        <source>Framework reference</source>
        <translation>Referanse i rammeverk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="235"/>
        <source>Classification</source>
        <translation>Gradering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="236"/>
        <source>Tags</source>
        <translation>Etiketter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="237"/>
        <source>Checklist</source>
        <translation>Sjekkliste</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="238"/>
        <source>Blocked because</source>
        <translation>Blokkert fordi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="239"/>
        <source>Due date</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="240"/>
        <source>Pinned</source>
        <translation>Festet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="241"/>
        <source>Pinned because</source>
        <translation>Festet fordi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="242"/>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="243"/>
        <source>Needs verification</source>
        <translation>Må verifiseres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="244"/>
        <source>ROS risk</source>
        <translation>ROS-risiko</translation>
    </message>
</context>
<context>
    <name>ItemHistory</name>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="93"/>
        <source>When</source>
        <extracomment>Change-log fields the history leaves out: bookkeeping the other fields already tell. Stored as 0 or 1, said as no or yes. The fields in the order the item form shows them (others follow by name). Qt&apos;s translate, under the name pyside6-lupdate looks for outside classes.</extracomment>
        <translation>Når</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="94"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="95"/>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="96"/>
        <source>Old value</source>
        <translation>Gammel verdi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="97"/>
        <source>New value</source>
        <translation>Ny verdi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="151"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/item_history.py" line="151"/>
        <source>no</source>
        <translation>nei</translation>
    </message>
</context>
<context>
    <name>LinkChoices</name>
    <message>
        <location filename="../../kanban_sec/ui/link_choices.py" line="23"/>
        <source>(the whole chain)</source>
        <extracomment>Qt&apos;s translate, under the name pyside6-lupdate looks for outside classes.</extracomment>
        <translation>(hele kjeden)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/link_choices.py" line="25"/>
        <source>(no link)</source>
        <translation>(uten ledd)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/link_choices.py" line="31"/>
        <source>{name} (maturity {maturity}/{top})</source>
        <translation>{name} (modenhet {maturity}/{top})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="159"/>
        <source>kanban-sec — %1</source>
        <extracomment>The board beside the side panel, and both folded as the room and person want. The status bar&apos;s Undo button after a delete (Qt deletes it when it expires). Who acts: every change is in their name and judged by their role.</extracomment>
        <translation>kanban-sec — %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="275"/>
        <location filename="../../kanban_sec/ui/self_check.py" line="107"/>
        <source>&amp;File</source>
        <extracomment>Qt&apos;s translate, under the name pyside6-lupdate looks for outside classes.</extracomment>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="276"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="277"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="281"/>
        <source>Swimlanes</source>
        <translation>Svømmebaner</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="282"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="284"/>
        <source>&amp;New item…</source>
        <translation>&amp;Ny oppgave…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="285"/>
        <source>&amp;Open item…</source>
        <translation>Å&amp;pne oppgave…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="286"/>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer CSV…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="288"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Eksporter CSV…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="289"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="290"/>
        <source>Pin / unpin (expedite)…</source>
        <translation>Fest / løsne (haster)…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="291"/>
        <source>Block / unblock…</source>
        <translation>Blokker / opphev blokkering…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="292"/>
        <source>Delegate to the lowest level</source>
        <translation>Deleger til laveste nivå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="293"/>
        <location filename="../../kanban_sec/ui/main_window.py" line="439"/>
        <source>Delete item</source>
        <translation>Slett oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="294"/>
        <source>Chains and links…</source>
        <translation>Kjeder og ledd…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="295"/>
        <source>Chain map…</source>
        <translation>Kjedekart…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="296"/>
        <source>Organisation…</source>
        <translation>Organisasjon…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="297"/>
        <source>Reload board</source>
        <translation>Last inn tavlen på nytt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="304"/>
        <source>Risk register…</source>
        <translation>Risikoregister…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="305"/>
        <source>New ROS risk…</source>
        <translation>Ny ROS-risiko…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="309"/>
        <source>No swimlanes</source>
        <translation>Ingen svømmebaner</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="310"/>
        <source>By chain</source>
        <translation>Etter kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="311"/>
        <source>By owner unit</source>
        <translation>Etter eierenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="178"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="181"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="278"/>
        <source>&amp;Risk</source>
        <translation>Ri&amp;siko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="279"/>
        <source>&amp;Sync</source>
        <translation>S&amp;ynkronisering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="287"/>
        <source>Load the example board</source>
        <translation>Last inn eksempeltavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="298"/>
        <source>Flow metrics…</source>
        <translation>Flytmåling…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="299"/>
        <source>History…</source>
        <translation>Historikk…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="300"/>
        <source>Annual wheel (årshjul)…</source>
        <translation>Årshjul…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="301"/>
        <source>Weekly standup…</source>
        <translation>Ukentlig standup…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="302"/>
        <source>Keep it there (make recurring)…</source>
        <translation>Hold nivået (gjør gjentakende)…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="303"/>
        <source>ROS matrix…</source>
        <translation>ROS-matrise…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="306"/>
        <source>Risk decision…</source>
        <translation>Risikobeslutning…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="307"/>
        <source>Verify…</source>
        <translation>Verifiser…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="308"/>
        <source>Board policy…</source>
        <translation>Tavlens regler…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="314"/>
        <source>Sync settings…</source>
        <translation>Innstillinger for synkronisering…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="315"/>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="316"/>
        <source>Cancel the sync</source>
        <translation>Avbryt synkroniseringen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="280"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="318"/>
        <source>Who am I…</source>
        <translation>Hvem er jeg …</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="319"/>
        <source>Changes the server refused…</source>
        <translation>Endringer tjeneren avviste …</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="320"/>
        <source>Keyboard shortcuts…</source>
        <translation>Hurtigtaster…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="321"/>
        <source>Side panel</source>
        <translation>Sidepanel</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/actions.py" line="322"/>
        <source>Accepted-risk lane</source>
        <translation>Svømmebane for akseptert risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="393"/>
        <source>Blocked</source>
        <translation>Blokkert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="178"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Angre %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="181"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gjør om %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="213"/>
        <source>%1 items</source>
        <translation>%1 oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="215"/>
        <source>%1 of %2 items shown</source>
        <translation>Viser %1 av %2 oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="220"/>
        <source>%1 % owned at the lowest level</source>
        <translation>%1 % eies på laveste nivå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="227"/>
        <source>Over the WIP limit: %1</source>
        <translation>Over WIP-grensen: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="232"/>
        <source>governing</source>
        <translation>styrende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="233"/>
        <source>operational</source>
        <translation>operativ</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="234"/>
        <source>controlling</source>
        <translation>kontrollerende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="239"/>
        <source>%1 (not in the organisation)</source>
        <translation>%1 (ikke i organisasjonen)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="241"/>
        <source>Who acts: File ▸ Who am I… to switch</source>
        <translation>Hvem som handler: Fil ▸ Hvem er jeg … for å bytte</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="315"/>
        <source>Move to %1</source>
        <translation>Flytt til %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="354"/>
        <source>Edit item</source>
        <translation>Rediger oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="372"/>
        <source>Unpin</source>
        <translation>Løsne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="377"/>
        <source>Pin first</source>
        <translation>Fest først</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="377"/>
        <source>Why must this go first?</source>
        <translation>Hvorfor må denne gå først?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="380"/>
        <source>Pin</source>
        <translation>Fest</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="388"/>
        <source>Unblock</source>
        <translation>Opphev blokkering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="393"/>
        <source>What is it waiting for?</source>
        <translation>Hva venter den på?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="396"/>
        <source>Block</source>
        <translation>Blokker</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="401"/>
        <source>Delegate</source>
        <translation>Deleger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="440"/>
        <source>Deleted “%1”.</source>
        <translation>Slettet «%1».</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="449"/>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="485"/>
        <source>Edit chains</source>
        <translation>Rediger kjeder</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="513"/>
        <source>Edit organisation</source>
        <translation>Rediger organisasjonen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="575"/>
        <source>Risk decision</source>
        <translation>Risikobeslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="587"/>
        <source>Verify</source>
        <translation>Verifisering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="596"/>
        <source>Board policy</source>
        <translation>Tavlens regler</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="635"/>
        <source>Annual wheel</source>
        <translation>Årshjul</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="659"/>
        <source>Every month</source>
        <translation>Hver måned</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="660"/>
        <source>Every quarter</source>
        <translation>Hvert kvartal</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="661"/>
        <source>Every half year</source>
        <translation>Hvert halvår</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="662"/>
        <source>Every year</source>
        <translation>Hvert år</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="666"/>
        <location filename="../../kanban_sec/ui/main_window.py" line="675"/>
        <source>Keep it there</source>
        <translation>Hold nivået</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="667"/>
        <source>How often must it be checked again?</source>
        <translation>Hvor ofte skal det kontrolleres på nytt?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="717"/>
        <source>Conflicts (%1)…</source>
        <translation>Konflikter (%1)…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/main_window.py" line="717"/>
        <source>Conflicts…</source>
        <translation>Konflikter…</translation>
    </message>
</context>
<context>
    <name>MetricsView</name>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="149"/>
        <source>Flow metrics</source>
        <translation>Flytmåling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="150"/>
        <source>All chains</source>
        <translation>Alle kjeder</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="151"/>
        <source>All owner units</source>
        <translation>Alle eierenheter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="154"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="154"/>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="154"/>
        <source>Chain</source>
        <translation>Kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="154"/>
        <source>Owner unit</source>
        <translation>Eierenhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="160"/>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="254"/>
        <source>Cumulative flow</source>
        <translation>Kumulativt flytdiagram (CFD)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="161"/>
        <source>Lead time</source>
        <translation>Ledetid</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="162"/>
        <source>Cycle time</source>
        <translation>Syklustid</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="163"/>
        <source>Throughput</source>
        <translation>Gjennomstrømning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="164"/>
        <source>WIP</source>
        <translation>Pågående arbeid (WIP)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="165"/>
        <source>Aging WIP</source>
        <translation>Aldring av pågående arbeid</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="170"/>
        <source>Save as PNG…</source>
        <translation>Lagre som PNG…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="194"/>
        <source>Lead time (days)</source>
        <translation>Ledetid (dager)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="197"/>
        <source>Cycle time (days)</source>
        <translation>Syklustid (dager)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="211"/>
        <source>%1 done in the period · lead time p50/p85/p95: %2 / %3 / %4 days · cycle time p50/p85/p95: %5 / %6 / %7 days · %8 items in progress now</source>
        <translation>%1 ferdige i perioden · ledetid p50/p85/p95: %2 / %3 / %4 dager · syklustid p50/p85/p95: %5 / %6 / %7 dager · %8 oppgaver pågår nå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="280"/>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="294"/>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="311"/>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="348"/>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="362"/>
        <source>Items</source>
        <translation>Oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="308"/>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="334"/>
        <source>Throughput per week</source>
        <translation>Gjennomstrømning per uke</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="335"/>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="343"/>
        <source>w%1</source>
        <translation>u%1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="354"/>
        <source>Work in progress (next, doing, verify)</source>
        <translation>Pågående arbeid (neste, pågår, verifiseres)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="356"/>
        <source>In progress</source>
        <translation>Pågående</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="367"/>
        <source>Aging WIP: days in the current column</source>
        <translation>Aldring av pågående arbeid: dager i nåværende kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="388"/>
        <source>Days in column</source>
        <translation>Dager i kolonnen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="400"/>
        <source>Save chart</source>
        <translation>Lagre diagram</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/metrics_view.py" line="400"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>Notify</name>
    <message>
        <location filename="../../kanban_sec/ui/notify.py" line="22"/>
        <location filename="../../kanban_sec/ui/notify.py" line="36"/>
        <source>kanban-sec</source>
        <translation>kanban-sec</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="216"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="512"/>
        <source>Organisation</source>
        <extracomment>Qt.UserRole payload of a tree row: (&quot;unit&quot;, unit id) or (&quot;person&quot;, person id). How deep a unit lies in the tree, for the picker&apos;s indentation. Emitted with each :class:`Outcome` after it was applied to the live board.</extracomment>
        <translation>Organisasjon</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="228"/>
        <source>Unit / person</source>
        <translation>Enhet / person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="228"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="319"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="356"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="228"/>
        <source>Open items</source>
        <translation>Åpne oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="236"/>
        <source>Open items owned by the unit (its people&apos;s included) or the person</source>
        <translation>Åpne oppgaver som eies av enheten (også av personene i den) eller av personen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="249"/>
        <source>Selected</source>
        <translation>Valgt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="258"/>
        <source>Only governing members change units, people and roles; you can look.</source>
        <translation>Bare styrende endrer enheter, personer og roller; du kan se.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="279"/>
        <source>Select a unit or a person to change it.</source>
        <translation>Velg en enhet eller en person for å endre den.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="290"/>
        <source>(top level)</source>
        <translation>(øverste nivå)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="292"/>
        <source>Move the unit, with everything under it</source>
        <translation>Flytt enheten med alt som ligger under den</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="294"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="549"/>
        <source>Delete unit</source>
        <translation>Slett enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="297"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="317"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="298"/>
        <source>Part of</source>
        <translation>Del av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="310"/>
        <source>Move the person to another unit</source>
        <translation>Flytt personen til en annen enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="314"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="604"/>
        <source>Delete person</source>
        <translation>Slett person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="318"/>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="354"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="324"/>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="332"/>
        <source>Name of the new unit</source>
        <translation>Navn på den nye enheten</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="334"/>
        <source>Add unit</source>
        <translation>Legg til enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="343"/>
        <source>Name of the new person</source>
        <translation>Navn på den nye personen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="347"/>
        <source>Add person</source>
        <translation>Legg til person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="355"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="371"/>
        <source>Governing</source>
        <translation>Styrende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="372"/>
        <source>Operational</source>
        <translation>Gjennomførende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="373"/>
        <source>Controlling</source>
        <translation>Kontrollerende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="497"/>
        <source>New units go at the top level. Select a unit to add people to it.</source>
        <translation>Nye enheter legges på øverste nivå. Velg en enhet for å legge til personer i den.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="501"/>
        <source>New units and people go in %1.</source>
        <translation>Nye enheter og personer legges i %1.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="548"/>
        <source>Delete the unit %1?</source>
        <translation>Slette enheten %1?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/org_dialog.py" line="603"/>
        <source>Delete %1 from the organisation?</source>
        <translation>Slette %1 fra organisasjonen?</translation>
    </message>
</context>
<context>
    <name>OwnerPicker</name>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="58"/>
        <source>Find a unit or person…</source>
        <extracomment>Qt.UserRole payload of a tree row: (&quot;unit&quot;, unit id) or (&quot;person&quot;, person id). Emitted with ``(unit_id, person_id)`` whenever the chosen owner changes.</extracomment>
        <translation>Finn en enhet eller person…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="65"/>
        <source>Unit / person</source>
        <translation>Enhet / person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="65"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="72"/>
        <source>No owner</source>
        <translation>Ingen eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="74"/>
        <source>Leave the item without an owner</source>
        <translation>La oppgaven stå uten eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="81"/>
        <source>Use suggestion</source>
        <translation>Bruk forslaget</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="91"/>
        <source>The risk owner is the chain&apos;s business unit; it does not change with the item&apos;s owner.</source>
        <translation>Risikoeier er kjedens virksomhetsenhet; den endres ikke når oppgaven får en annen eier.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="172"/>
        <source>(no owner)</source>
        <translation>(ingen eier)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="215"/>
        <source>People without a unit</source>
        <translation>Personer uten enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="228"/>
        <source>governing</source>
        <translation>styrende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="229"/>
        <source>operational</source>
        <translation>gjennomførende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="230"/>
        <source>controlling</source>
        <translation>kontrollerende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="241"/>
        <source>Risk owner: none (the item is in no chain)</source>
        <translation>Risikoeier: ingen (oppgaven hører ikke til en kjede)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="243"/>
        <source>not set</source>
        <translation>ikke satt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="245"/>
        <source>Risk owner (chain {chain}): {owner}</source>
        <translation>Risikoeier (kjede {chain}): {owner}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="265"/>
        <source>Owned at the lowest level.</source>
        <translation>Eies på laveste nivå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="268"/>
        <source>Suggested (lowest level): none; choose a unit or a person.</source>
        <translation>Forslag (laveste nivå): ingen; velg en enhet eller en person.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="274"/>
        <source>(and {count} more)</source>
        <translation>(og {count} til)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/owner_picker.py" line="276"/>
        <source>Suggested (lowest level): {names}</source>
        <translation>Forslag (laveste nivå): {names}</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="44"/>
        <source>Open</source>
        <extracomment>The highest score there is: likelihood 5 × consequence 5 × maturity gap 3.</extracomment>
        <translation>Åpen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="45"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="46"/>
        <source>Confidential</source>
        <translation>Konfidensiell</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="59"/>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="188"/>
        <source>Board policy</source>
        <extracomment>Emitted with the :class:`Outcome` of a saved policy (then the dialog closes).</extracomment>
        <translation>Tavlens regler</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="66"/>
        <source>Which finished items a controlling member (internal control) must verify before they are done. An item needs verification when any of the rules below holds.</source>
        <translation>Hvilke oppgaver en kontrollerende (internkontroll) må verifisere før de er ferdige. En oppgave må verifiseres når minst én av reglene under gjelder.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="72"/>
        <source>Verification needed for score at least</source>
        <translation>Verifisering kreves for score minst</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="86"/>
        <source>Score = likelihood × consequence × maturity gap (0–75).</source>
        <translation>Score = sannsynlighet × konsekvens × modenhetsgap (0–75).</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="99"/>
        <source>Verification before done</source>
        <translation>Verifisering før ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="104"/>
        <source>Verification needed for classification:</source>
        <translation>Verifisering kreves for klassifisering:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="108"/>
        <source>Work-in-progress limits</source>
        <translation>WIP-grenser (arbeid i gang)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="116"/>
        <source>no limit</source>
        <translation>ingen grense</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="118"/>
        <source>hard (refuse, not only warn)</source>
        <translation>fast (nekt, ikke bare varsle)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="133"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/policy_dialog.py" line="169"/>
        <source>Only governing members change the board policy and the WIP limits; you can read them here.</source>
        <translation>Bare styrende endrer tavlens regler og WIP-grensene; her kan du lese dem.</translation>
    </message>
</context>
<context>
    <name>RefusedChangesDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="68"/>
        <source>Changes refused by the server</source>
        <translation>Endringer avvist av serveren</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="76"/>
        <source>The sync server refused these changes made on this board. They stay here but are not sent again. Discard a change to undo it here, so the board matches the server&apos;s; or redo it to send it again (for instance after an administrator changed your role).</source>
        <translation>Synkroniseringsserveren avviste disse endringene som ble gjort på denne tavlen. De blir værende her, men sendes ikke igjen. Forkast en endring for å angre den her, så tavlen blir lik serverens; eller send den på nytt (for eksempel etter at en administrator har endret rollen din).</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="161"/>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="161"/>
        <source>Change</source>
        <translation>Endring</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="161"/>
        <source>The server&apos;s reason</source>
        <translation>Serverens begrunnelse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="161"/>
        <source>Refused</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="103"/>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="107"/>
        <source>Undo the selected changes here; the board gets the server&apos;s values back</source>
        <translation>Angre de valgte endringene her; tavlen får serverens verdier tilbake</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="113"/>
        <source>Redo</source>
        <translation>Send på nytt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="115"/>
        <source>Send the selected changes again, now</source>
        <translation>Send de valgte endringene på nytt, nå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="120"/>
        <source>Discard all</source>
        <translation>Forkast alle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="124"/>
        <source>Redo all</source>
        <translation>Send alle på nytt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="172"/>
        <source>%1 “%2”</source>
        <translation>%1 «%2»</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="198"/>
        <source>No changes are refused by the server.</source>
        <translation>Ingen endringer er avvist av serveren.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="205"/>
        <source>Item</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="206"/>
        <source>Setting</source>
        <translation>Innstilling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="207"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="208"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="209"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="210"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="240"/>
        <source>Discarded: %1. The board matches the server&apos;s again.</source>
        <translation>Forkastet: %1. Tavlen er lik serverens igjen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="256"/>
        <source>To be sent again: %1. Syncing…</source>
        <translation>Sendes på nytt: %1. Synkroniserer…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="258"/>
        <source>To be sent again: %1, with the next sync.</source>
        <translation>Sendes på nytt: %1, ved neste synkronisering.</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="65"/>
        <source>Accept</source>
        <extracomment>Qt.UserRole payload of a case row: the risk decision&apos;s id.</extracomment>
        <translation>Akseptere</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="66"/>
        <source>Reduce</source>
        <translation>Redusere</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="67"/>
        <source>Share</source>
        <translation>Dele</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="68"/>
        <source>Avoid</source>
        <translation>Unngå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="74"/>
        <source>Live with the risk until a date; the work leaves the ranking until then</source>
        <translation>Leve med risikoen til en dato; arbeidet går ut av rangeringen til da</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="77"/>
        <source>Do the improvement work</source>
        <translation>Gjøre forbedringsarbeidet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="78"/>
        <source>Transfer part of the risk, e.g. by contract or insurance</source>
        <translation>Overføre en del av risikoen, f.eks. med avtale eller forsikring</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="81"/>
        <source>Stop the activity that causes the risk</source>
        <translation>Stanse aktiviteten som gir risikoen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="87"/>
        <source>green band (acceptable)</source>
        <translation>grønt felt (akseptabel)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="88"/>
        <source>yellow band (acceptable with a rationale)</source>
        <translation>gult felt (akseptabel med begrunnelse)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="89"/>
        <source>red band (cannot be accepted)</source>
        <translation>rødt felt (kan ikke aksepteres)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="112"/>
        <source>(deleted person)</source>
        <translation>(slettet person)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="177"/>
        <source>Risk decision: %1</source>
        <extracomment>Emitted with each :class:`Outcome` after a successful write.</extracomment>
        <translation>Risikobeslutning: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="217"/>
        <source>Risk cases, newest first</source>
        <translation>Risikosaker, nyeste først</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="222"/>
        <source>Applies to</source>
        <translation>Gjelder</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="223"/>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="272"/>
        <source>IT&apos;s recommendation</source>
        <translation>ITs anbefaling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="224"/>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="337"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="225"/>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="338"/>
        <source>Rationale</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="226"/>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="339"/>
        <source>Valid until</source>
        <translation>Gyldig til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="227"/>
        <source>Decided</source>
        <translation>Besluttet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="247"/>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="632"/>
        <source>Withdraw</source>
        <translation>Trekk tilbake</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="250"/>
        <source>Take the selected recommendation or decision back; it stays in the history</source>
        <translation>Trekk tilbake valgt anbefaling eller beslutning; den blir stående i historikken</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="277"/>
        <source>What IT advises the risk owner to do; the decision stays the risk owner&apos;s</source>
        <translation>Hva IT råder risikoeieren til; beslutningen er fortsatt risikoeierens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="282"/>
        <source>What IT sees: the weakness, what reducing it takes (optional)</source>
        <translation>Hva IT ser: svakheten, og hva det koster å redusere den (valgfritt)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="287"/>
        <source>Recommend</source>
        <translation>Anbefal</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="295"/>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="296"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="306"/>
        <source>Risk owner&apos;s decision</source>
        <translation>Risikoeierens beslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="313"/>
        <source>Why this decision (required)</source>
        <translation>Hvorfor denne beslutningen (påkrevd)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="327"/>
        <source>The last day the acceptance holds; the risk comes back on the board after it</source>
        <translation>Siste dag aksepten gjelder; risikoen kommer tilbake på tavlen etter den</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="329"/>
        <source>Decide</source>
        <translation>Beslutt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="361"/>
        <source>no risk owner unit: a governing member decides</source>
        <translation>ingen risikoeier-enhet: en styrende beslutter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="366"/>
        <source>Chain: %1 · risk owner: %2</source>
        <translation>Kjede: %1 · risikoeier: %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="367"/>
        <source>(no chain)</source>
        <translation>(uten kjede)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="375"/>
        <source>Likelihood or consequence not assessed yet: assess both in the item before the risk can be accepted.</source>
        <translation>Sannsynlighet eller konsekvens er ikke vurdert ennå: vurder begge i saken før risikoen kan aksepteres.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="381"/>
        <source>Likelihood %1 (%2) × consequence %3 (%4) = %5, %6</source>
        <translation>Sannsynlighet %1 (%2) × konsekvens %3 (%4) = %5, %6</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="391"/>
        <source>the work is done</source>
        <translation>arbeidet er ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="396"/>
        <source>%1 (whole chain)</source>
        <translation>%1 (hele kjeden)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="397"/>
        <source>Risk owner: %1</source>
        <translation>Risikoeier: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="407"/>
        <source>A decision here covers all %1 open items of the chain; %2 of them in the red band.</source>
        <translation>En beslutning her gjelder alle %1 åpne oppgaver i kjeden; %2 av dem i rødt felt.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="424"/>
        <source>Only governing and operational members (IT) give recommendations.</source>
        <translation>Bare styrende og operative (IT) gir anbefalinger.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="430"/>
        <source>You decide as the risk owner.</source>
        <translation>Du beslutter som risikoeier.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="433"/>
        <source>Controlling members check risk decisions; they do not make them.</source>
        <translation>Kontrollerende kontrollerer risikobeslutninger; de tar dem ikke.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="437"/>
        <source>Only the risk owner decides: people in %1.</source>
        <translation>Bare risikoeieren beslutter: personer i %1.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="443"/>
        <source>Without a risk owner unit on the chain, a governing member decides.</source>
        <translation>Uten en risikoeier-enhet på kjeden beslutter en styrende.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="472"/>
        <source>No risk cases yet.</source>
        <translation>Ingen risikosaker ennå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="488"/>
        <source>No decision in force.</source>
        <translation>Ingen gjeldende beslutning.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="491"/>
        <source>In force: %1 by %2</source>
        <translation>Gjeldende: %1 av %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="496"/>
        <source>valid until %1</source>
        <translation>gyldig til %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="498"/>
        <source>(decided for the whole chain)</source>
        <translation>(besluttet for hele kjeden)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="502"/>
        <source>Whole chain</source>
        <translation>Hele kjeden</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="502"/>
        <source>This item</source>
        <translation>Denne oppgaven</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="507"/>
        <source>(awaiting the risk owner)</source>
        <translation>(venter på risikoeieren)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="513"/>
        <source>(expired)</source>
        <translation>(utløpt)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="545"/>
        <source>Select a case to read it in full.</source>
        <translation>Velg en sak for å lese den i sin helhet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="550"/>
        <source>IT recommends %1 (%2): %3</source>
        <translation>IT anbefaler %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="557"/>
        <source>Decided %1 (%2): %3</source>
        <translation>Besluttet %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="597"/>
        <source>Write the rationale for the decision: the risk owner&apos;s reasons are what internal control checks.</source>
        <translation>Skriv begrunnelsen for beslutningen: risikoeierens begrunnelse er det internkontrollen kontrollerer.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="600"/>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="638"/>
        <source>Risk decision</source>
        <translation>Risikobeslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="628"/>
        <source>Withdraw the decision “%1”? It stays in the history.</source>
        <translation>Trekke tilbake beslutningen «%1»? Den blir stående i historikken.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_dialog.py" line="630"/>
        <source>Withdraw the recommendation “%1”? It stays in the history.</source>
        <translation>Trekke tilbake anbefalingen «%1»? Den blir stående i historikken.</translation>
    </message>
</context>
<context>
    <name>RiskRegister</name>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="74"/>
        <source>Key</source>
        <extracomment>The value a column sorts by (numbers as numbers, empty last). The row&apos;s risk id.</extracomment>
        <translation>Nøkkel</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="75"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="76"/>
        <source>Chain</source>
        <translation>Kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="77"/>
        <source>Link</source>
        <translation>Ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="78"/>
        <source>Likelihood (by)</source>
        <translation>Sannsynlighet (av)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="79"/>
        <source>Consequence (by)</source>
        <translation>Konsekvens (av)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="80"/>
        <source>Current band</source>
        <translation>Sone nå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="81"/>
        <source>Inherent</source>
        <translation>Opprinnelig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="82"/>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="83"/>
        <source>Treatment</source>
        <translation>Håndtering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="84"/>
        <source>Valid until</source>
        <translation>Gyldig til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="85"/>
        <source>Measures done</source>
        <translation>Tiltak utført</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="86"/>
        <source>Asks for</source>
        <translation>Trenger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="415"/>
        <source>%1 of %2 risks</source>
        <extracomment>The rows as the register gives them (worst first): the order of ties. Open the risk dialog for this risk id. Open the risk dialog for a new risk (of this chain id, or any). Show these risks&apos; measures on the board.</extracomment>
        <translation>%1 av %2 risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="424"/>
        <source>Any chain</source>
        <translation>Alle kjeder</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="438"/>
        <source>Any link</source>
        <translation>Alle ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="460"/>
        <location filename="../../kanban_sec/ui/risk_register.py" line="461"/>
        <source>Risk register</source>
        <translation>Risikoregister</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="462"/>
        <source>Filter by chain</source>
        <translation>Filtrer på kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="463"/>
        <source>Filter by link</source>
        <translation>Filtrer på ledd</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="464"/>
        <source>Filter by band</source>
        <translation>Filtrer på sone</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="465"/>
        <source>Filter by treatment</source>
        <translation>Filtrer på beslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="478"/>
        <source>Any band</source>
        <translation>Alle soner</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="483"/>
        <source>Any treatment</source>
        <translation>Alle beslutninger</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="486"/>
        <source>Not assessed</source>
        <translation>Ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="487"/>
        <source>Re-assessment due</source>
        <translation>Må vurderes på nytt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="489"/>
        <source>A measure was finished after the last assessment, or the decision is stale or has run out</source>
        <translation>Et tiltak ble fullført etter siste vurdering, eller beslutningen gjelder ikke lenger eller er utløpt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="495"/>
        <source>New risk…</source>
        <translation>Ny risiko…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="496"/>
        <source>Open…</source>
        <translation>Åpne…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="497"/>
        <source>Show measures on the board</source>
        <translation>Vis tiltakene på tavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/risk_register.py" line="498"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>RosMatrix</name>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="88"/>
        <source>Acceptable</source>
        <extracomment>The highest maturity gap: an item&apos;s score is risk × gap, so a cell&apos;s scores run 0..3 × risk. The model&apos;s role for the cell&apos;s :class:`MatrixCell`. Band colours on a light and on a dark window; the text colour is chosen for contrast. A mark per band, so the band reads without telling colours apart.</extracomment>
        <translation>Akseptabel</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="90"/>
        <source>Acceptable with a rationale</source>
        <translation>Akseptabel med begrunnelse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="91"/>
        <source>Not acceptable: reduce, share or avoid</source>
        <translation>Ikke akseptabel: reduser, del eller unngå</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="194"/>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="690"/>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="161"/>
        <source>Consequence</source>
        <extracomment>The model&apos;s role for the cell&apos;s :class:`RiskCell`. (inherent cell, current cell) → how many risks moved so.</extracomment>
        <translation>Konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="197"/>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="691"/>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="164"/>
        <source>Likelihood</source>
        <translation>Sannsynlighet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="203"/>
        <source>{count} accepted</source>
        <translation>{count} akseptert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="209"/>
        <source>Likelihood {likelihood} × consequence {consequence} = risk {risk}</source>
        <translation>Sannsynlighet {likelihood} × konsekvens {consequence} = risiko {risk}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="216"/>
        <source>Item scores here: 0–{top} (risk × maturity gap 0–3)</source>
        <translation>Score for oppgaver her: 0–{top} (risiko × modenhetsgap 0–3)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="219"/>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="597"/>
        <source>Open items: {count}</source>
        <extracomment>The risks&apos; move arrows, kept over the whole viewport. A cell was chosen (likelihood, consequence): the board shows that cell&apos;s items. A cell of risks was chosen (risk ids, likelihood, consequence): the board shows those risks&apos; measures. A governing member changed the bands (ranking and acceptances may read them). &quot;risks&quot; (the ROS risks, the default) or &quot;items&quot; (the open work items).</extracomment>
        <translation>Åpne oppgaver: {count}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="224"/>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="195"/>
        <source>Click to change the band</source>
        <translation>Klikk for å endre feltet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="226"/>
        <source>Click to show these items on the board</source>
        <translation>Klikk for å vise disse oppgavene på tavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="231"/>
        <source>Likelihood {likelihood}, consequence {consequence}: {count} open items</source>
        <translation>Sannsynlighet {likelihood}, konsekvens {consequence}: {count} åpne oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="598"/>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="339"/>
        <source>In the red band: {count}</source>
        <translation>I rødt felt: {count}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="599"/>
        <source>Accepted: {count}</source>
        <translation>Akseptert: {count}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="603"/>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="348"/>
        <source>Not assessed yet (in no cell): {count}</source>
        <translation>Ikke vurdert ennå (i ingen rute): {count}</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="658"/>
        <source>Reset the acceptance bands</source>
        <translation>Tilbakestill akseptgrensene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="660"/>
        <source>Set every cell back to the default bands? The bands chosen for this board are replaced (the history keeps them).</source>
        <translation>Sette alle celler tilbake til standardfeltene? Feltene valgt for denne tavlen erstattes (historikken tar vare på dem).</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="667"/>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="706"/>
        <source>Reset to default</source>
        <translation>Tilbakestill til standard</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="689"/>
        <source>ROS matrix</source>
        <translation>ROS-matrise</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="692"/>
        <source>ROS matrix: likelihood × consequence</source>
        <translation>ROS-matrise: sannsynlighet × konsekvens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="694"/>
        <source>Risks</source>
        <translation>Risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="695"/>
        <source>The ROS risks of the chains</source>
        <translation>Kjedenes ROS-risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="696"/>
        <source>Items</source>
        <translation>Oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="697"/>
        <source>The open work items on the board</source>
        <translation>De åpne oppgavene på tavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="698"/>
        <source>Chain</source>
        <translation>Kjede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="700"/>
        <source>◯ first assessed here (inherent risk) · ➜ moved since</source>
        <translation>◯ først vurdert her (opprinnelig risiko) · ➜ flyttet siden</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="702"/>
        <source>Edit acceptance bands</source>
        <translation>Rediger akseptgrensene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="704"/>
        <source>Click a cell to change its band: green → yellow → red</source>
        <translation>Klikk en celle for å endre feltet: grønn → gul → rød</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="708"/>
        <source>Only governing members change the acceptance bands.</source>
        <translation>Bare styrende endrer akseptgrensene.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="732"/>
        <source>Editing the bands: click a cell (or press Enter) to change it from green to yellow to red. Each change is saved at once.</source>
        <translation>Redigerer feltene: klikk en celle (eller trykk Enter) for å endre den fra grønn til gul til rød. Hver endring lagres med en gang.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="740"/>
        <source>ROS risks by likelihood and consequence, each in its current cell. Click a cell (or press Enter) to show its risks&apos; measures on the board.</source>
        <translation>ROS-risikoer etter sannsynlighet og konsekvens, hver i sin nåværende celle. Klikk en celle (eller trykk Enter) for å vise tiltakene for risikoene på tavlen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_matrix.py" line="748"/>
        <source>Open items by likelihood and consequence. Click a cell (or press Enter) to show its items on the board.</source>
        <translation>Åpne oppgaver etter sannsynlighet og konsekvens. Klikk en celle (eller trykk Enter) for å vise oppgavene på tavlen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="174"/>
        <source>… and %1 more</source>
        <translation>… og %1 til</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="184"/>
        <source>Risks now here: %1</source>
        <translation>Risikoer her nå: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="189"/>
        <source>◯ First assessed here (inherent risk): %1</source>
        <translation>◯ Først vurdert her (opprinnelig risiko): %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="197"/>
        <source>Click to show these risks&apos; measures on the board</source>
        <translation>Klikk for å vise tiltakene for disse risikoene på tavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="203"/>
        <source>Likelihood %1, consequence %2: %3 risks</source>
        <translation>Sannsynlighet %1, konsekvens %2: %3 risikoer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="209"/>
        <source>%1 first assessed here</source>
        <translation>%1 først vurdert her</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="336"/>
        <source>Risks: %1</source>
        <translation>Risikoer: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="342"/>
        <source>Moved since first assessed: %1</source>
        <translation>Flyttet siden første vurdering: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_matrix.py" line="361"/>
        <source>All chains</source>
        <translation>Alle kjeder</translation>
    </message>
</context>
<context>
    <name>RosRiskDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="278"/>
        <source>ROS risk: %1</source>
        <extracomment>(outcome, undo text) of each write.</extracomment>
        <translation>ROS-risiko: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="281"/>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="489"/>
        <source>New ROS risk</source>
        <translation>Ny ROS-risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="318"/>
        <source>Likelihood is IT&apos;s estimate (governing and operational).</source>
        <translation>Sannsynligheten er ITs anslag (styrende og operative medlemmer).</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="322"/>
        <source>Consequence is judged by the risk-owner unit of the chain (the business).</source>
        <translation>Konsekvensen vurderes av kjedens risikoeierenhet (virksomheten).</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="333"/>
        <source>Save the risk first.</source>
        <translation>Lagre risikoen først.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="335"/>
        <source>Only a governing member of the chain&apos;s risk-owner unit decides.</source>
        <translation>Bare et styrende medlem av kjedens risikoeierenhet beslutter.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="350"/>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="109"/>
        <source>Not assessed yet.</source>
        <translation>Ikke vurdert ennå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="361"/>
        <source>Inherent: %1 · Current: %2 · Target: %3</source>
        <translation>Opprinnelig: %1 · Nå: %2 · Mål: %3</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="377"/>
        <source>Treatment: not decided.</source>
        <translation>Håndtering: ikke besluttet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="381"/>
        <source>Treatment: %1, decided by %2 on %3.</source>
        <translation>Håndtering: %1, besluttet av %2 den %3.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="387"/>
        <source>Valid until %1.</source>
        <translation>Gyldig til %1.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="391"/>
        <source>Rationale: %1</source>
        <translation>Begrunnelse: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="395"/>
        <source>Stale: the risk changed after the decision.</source>
        <translation>Utdatert: risikoen er endret etter beslutningen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="491"/>
        <source>Edit ROS risk</source>
        <translation>Endre ROS-risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="516"/>
        <source>ROS risk decision</source>
        <translation>Beslutning om ROS-risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="535"/>
        <source>Information value</source>
        <translation>Informasjonsverdi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="542"/>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="556"/>
        <source>New measure</source>
        <translation>Nytt tiltak</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="543"/>
        <source>What is to be done (a new item on the board):</source>
        <translation>Hva skal gjøres (en ny oppgave på tavlen):</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="574"/>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="589"/>
        <source>Link a measure</source>
        <translation>Koble til et tiltak</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="575"/>
        <source>The item that is a measure:</source>
        <translation>Oppgaven som er et tiltak:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="598"/>
        <source>&amp;Scenario</source>
        <translation>&amp;Scenario</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="599"/>
        <source>&amp;Assessment</source>
        <translation>&amp;Vurdering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="600"/>
        <source>Tr&amp;eatment</source>
        <translation>&amp;Håndtering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="601"/>
        <source>&amp;Measures</source>
        <translation>&amp;Tiltak</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="602"/>
        <source>Information &amp;values</source>
        <translation>Informasjonsv&amp;erdier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="609"/>
        <source>&amp;Title:</source>
        <translation>T&amp;ittel:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="610"/>
        <source>C&amp;hain:</source>
        <translation>K&amp;jede:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="611"/>
        <source>&amp;Link:</source>
        <translation>&amp;Ledd:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="612"/>
        <source>Th&amp;reat:</source>
        <translation>T&amp;russel:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="613"/>
        <source>V&amp;ulnerability:</source>
        <translation>S&amp;årbarhet:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="614"/>
        <source>E&amp;xisting measures:</source>
        <translation>E&amp;ksisterende tiltak:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="615"/>
        <source>Information at stake:</source>
        <translation>Informasjon som står på spill:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="623"/>
        <source>De&amp;cision:</source>
        <translation>&amp;Beslutning:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="624"/>
        <source>Vali&amp;d until:</source>
        <translation>G&amp;yldig til:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="625"/>
        <source>Rati&amp;onale:</source>
        <translation>Be&amp;grunnelse:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="626"/>
        <source>Tar&amp;get L × C:</source>
        <translation>&amp;Mål S × K:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="631"/>
        <source>What could happen (required)</source>
        <translation>Hva kan skje (må fylles ut)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="632"/>
        <source>Record the decision</source>
        <translation>Registrer beslutningen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="633"/>
        <source>New item as a measure…</source>
        <translation>Ny oppgave som tiltak…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="634"/>
        <source>Link an existing item…</source>
        <translation>Koble til en eksisterende oppgave…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="636"/>
        <source>What the information of this chain is worth: confidentiality, integrity and availability 1–5, set by the chain&apos;s risk-owner unit.</source>
        <translation>Hva informasjonen i denne kjeden er verdt: konfidensialitet, integritet og tilgjengelighet 1–5, satt av kjedens risikoeierenhet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_dialog.py" line="642"/>
        <source>Save the values</source>
        <translation>Lagre verdiene</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="84"/>
        <source>not assessed</source>
        <translation>ikke vurdert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="94"/>
        <source>Likelihood (IT&apos;s estimate)</source>
        <translation>Sannsynlighet (ITs anslag)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="95"/>
        <source>L&amp;ikelihood:</source>
        <translation>S&amp;annsynlighet:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="97"/>
        <source>Consequence (the business&apos;s judgement)</source>
        <translation>Konsekvens (virksomhetens vurdering)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="98"/>
        <source>Co&amp;nsequence:</source>
        <translation>Ko&amp;nsekvens:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="99"/>
        <source>Why:</source>
        <translation>Hvorfor:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="100"/>
        <source>Strength of knowledge:</source>
        <translation>Kunnskapsstyrke:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="112"/>
        <source>Assessed by %1, %2</source>
        <translation>Vurdert av %1, %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="151"/>
        <source>Information</source>
        <translation>Informasjon</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="152"/>
        <source>C</source>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="153"/>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="154"/>
        <source>A</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="155"/>
        <source>Notes</source>
        <translation>Merknader</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="160"/>
        <source>The kind of information the service handles</source>
        <translation>Hva slags informasjon tjenesten behandler</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="161"/>
        <source>Confidentiality 1–5</source>
        <translation>Konfidensialitet 1–5</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="162"/>
        <source>Integrity 1–5</source>
        <translation>Integritet 1–5</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="163"/>
        <source>Availability 1–5</source>
        <translation>Tilgjengelighet 1–5</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_risk_parts.py" line="192"/>
        <source>Type a name to add a value</source>
        <translation>Skriv et navn for å legge til en verdi</translation>
    </message>
</context>
<context>
    <name>RosWords</name>
    <message>
        <location filename="../../kanban_sec/ui/ros_words.py" line="50"/>
        <source>decision stale</source>
        <translation>beslutning utdatert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/ros_words.py" line="52"/>
        <source>acceptance expired</source>
        <translation>aksept utløpt</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="68"/>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="86"/>
        <source>Move focus between cards and columns</source>
        <translation>Flytt fokus mellom kort og kolonner</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="87"/>
        <source>Arrow keys</source>
        <translation>Piltaster</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="90"/>
        <source>Move the selected card to the previous / next column</source>
        <translation>Flytt valgt kort til forrige / neste kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="93"/>
        <source>Open the card</source>
        <translation>Åpne kortet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="94"/>
        <source>The card&apos;s menu</source>
        <translation>Kortets meny</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="95"/>
        <source>Close a dialog or this list</source>
        <translation>Lukk en dialog eller denne listen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="105"/>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="112"/>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="110"/>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="110"/>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/shortcuts.py" line="114"/>
        <source>Board</source>
        <translation>Tavle</translation>
    </message>
</context>
<context>
    <name>StandupWindow</name>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="85"/>
        <source>Weekly standup</source>
        <extracomment>Where the last standup report was saved (the next one is offered there). How many of a card&apos;s newest comments the standup shows under it. ``(outcome, what was done)`` after an act on a card, the live board already brought up to date: the board shows it and can undo it.</extracomment>
        <translation>Ukentlig standup</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="233"/>
        <source>Choose a team…</source>
        <translation>Velg et team…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="238"/>
        <source>%1 (%2 people)</source>
        <translation>%1 (%2 personer)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="150"/>
        <source>Ticks the team&apos;s members (its sub-units&apos; too) and shows the team&apos;s items; adjust the ticks by hand after.</source>
        <translation>Krysser av teamets medlemmer (også underenhetenes) og viser teamets oppgaver; juster avkryssingen for hånd etterpå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="242"/>
        <source>Everyone&apos;s items</source>
        <translation>Alles oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="174"/>
        <source>Walk the backlog too</source>
        <translation>Gå gjennom backlog også</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="178"/>
        <source>A column at a time (else a card at a time)</source>
        <translation>Én kolonne om gangen (ellers ett kort om gangen)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="182"/>
        <source>Start the standup</source>
        <translation>Start standupen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="191"/>
        <source>&lt;h2&gt;Weekly standup&lt;/h2&gt;&lt;p&gt;The board is walked from right to left: what is nearly done first.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Ukentlig standup&lt;/h2&gt;&lt;p&gt;Vi går gjennom tavlen fra høyre mot venstre: det som er nesten ferdig, tas først.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="197"/>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="201"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="207"/>
        <source>&amp;Who is here</source>
        <translation>&amp;Hvem er til stede</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="211"/>
        <source>Whose &amp;items</source>
        <translation>&amp;Hvem sine oppgaver</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="320"/>
        <source>◀ Previous</source>
        <translation>◀ Forrige</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="323"/>
        <source>The card before (Alt+Left)</source>
        <translation>Forrige kort (Alt+Venstre)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="326"/>
        <source>Next ▶</source>
        <translation>Neste ▶</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="329"/>
        <source>The next card (Alt+Right)</source>
        <translation>Neste kort (Alt+Høyre)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="332"/>
        <source>A note or a decision…</source>
        <translation>Et notat eller en beslutning…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="334"/>
        <source>About this card</source>
        <translation>Gjelder dette kortet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="338"/>
        <source>Add note</source>
        <translation>Legg til notat</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="342"/>
        <source>Record decision</source>
        <translation>Registrer beslutning</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="346"/>
        <source>End the standup</source>
        <translation>Avslutt standupen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="350"/>
        <source>Save report…</source>
        <translation>Lagre rapport…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="355"/>
        <source>Confidential details</source>
        <translation>Konfidensielle detaljer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="359"/>
        <source>Show and save confidential items&apos; titles and notes. Without it they appear as “Confidential item …id”. A saved report records this choice.</source>
        <translation>Vis og lagre titler og notater for konfidensielle oppgaver. Uten dette vises de som «Konfidensiell oppgave …id». En lagret rapport registrerer valget.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="411"/>
        <source>On this card</source>
        <translation>På dette kortet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="425"/>
        <source>Change &amp;owner…</source>
        <translation>Bytt &amp;eier…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="430"/>
        <source>What is it waiting for?</source>
        <translation>Hva venter det på?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="116"/>
        <location filename="../../kanban_sec/ui/standup_window.py" line="433"/>
        <location filename="../../kanban_sec/ui/standup_window.py" line="503"/>
        <location filename="../../kanban_sec/ui/standup_window.py" line="630"/>
        <source>Block</source>
        <translation>Blokker</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="439"/>
        <source>A comment on the card, for everyone…</source>
        <translation>En kommentar på kortet, for alle…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="444"/>
        <location filename="../../kanban_sec/ui/standup_window.py" line="508"/>
        <source>Comment</source>
        <translation>Kommenter</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="447"/>
        <source>&amp;Column</source>
        <translation>&amp;Kolonne</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="451"/>
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="454"/>
        <source>B&amp;locked because</source>
        <translation>B&amp;lokkert fordi</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="459"/>
        <source>Co&amp;mment</source>
        <translation>Ko&amp;mmentar</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="493"/>
        <source>Move</source>
        <translation>Flytt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="501"/>
        <location filename="../../kanban_sec/ui/standup_window.py" line="630"/>
        <source>Unblock</source>
        <translation>Opphev blokkering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="521"/>
        <source>Owner of “%1”</source>
        <translation>Eier av «%1»</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="539"/>
        <source>Change owner</source>
        <translation>Bytt eier</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="582"/>
        <source>Nothing to walk</source>
        <translation>Ingenting å gå gjennom</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="590"/>
        <source>%1 · card %2 of %3 · %4 in all</source>
        <translation>%1 · kort %2 av %3 · %4 i alt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="603"/>
        <source>**Owner:** %1</source>
        <translation>**Eier:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="605"/>
        <source>**In this column:** %1</source>
        <translation>**I denne kolonnen:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="606"/>
        <source>%1 days</source>
        <translation>%1 dager</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="610"/>
        <source>**Blocked:** %1</source>
        <translation>**Blokkert:** %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="612"/>
        <source>Can be delegated</source>
        <translation>Kan delegeres</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="618"/>
        <source>Latest comments</source>
        <translation>Siste kommentarer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="626"/>
        <source>(no owner)</source>
        <translation>(ingen eier)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="122"/>
        <location filename="../../kanban_sec/ui/standup_window.py" line="669"/>
        <source>Ended: save the report (PDF, HTML or Markdown).</source>
        <translation>Avsluttet: lagre rapporten (PDF, HTML eller Markdown).</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="706"/>
        <source>Save the standup report</source>
        <translation>Lagre standuprapporten</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="711"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="712"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="713"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/standup_window.py" line="735"/>
        <source>Report saved to %1</source>
        <translation>Rapporten er lagret i %1</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="55"/>
        <source>The sync was cancelled; nothing is lost, the next sync goes on from there.</source>
        <translation>Synkroniseringen ble avbrutt; ingenting er tapt, neste synkronisering fortsetter derfra.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="64"/>
        <source>Something went wrong that should not have: %1 (details in %2)</source>
        <translation>Noe gikk galt som ikke skulle skje: %1 (detaljer i %2)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="84"/>
        <source>No password is stored for %1: enter it under Sync ▸ Sync settings…</source>
        <translation>Ingen passord er lagret for %1: skriv det inn under Synkronisering ▸ Innstillinger for synkronisering…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/refused_dialog.py" line="48"/>
        <source>Changes refused by the server: %1. They are not sent again until you redo them; discard them to make the board match the server&apos;s.</source>
        <translation>Endringer avvist av serveren: %1. De sendes ikke igjen før du sender dem på nytt; forkast dem for å gjøre tavlen lik serverens.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="173"/>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="307"/>
        <source>Sync is off: choose a server under Sync ▸ Sync settings…</source>
        <extracomment>A sync finished: the :class:`~kanban_sec.sync.client.SyncResult`. A sync failed: the message shown. Running or not (actions enable accordingly). Refused changes were discarded here: the board&apos;s rows changed (read them again). This board&apos;s changes the server refused (ids), as of the last look.</extracomment>
        <translation>Synkronisering er av: velg en server under Synkronisering ▸ Innstillinger for synkronisering…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="209"/>
        <source>sending %1 of %2</source>
        <translation>sender %1 av %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="214"/>
        <source>receiving %1</source>
        <translation>mottar %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="231"/>
        <source>Pushed %1, pulled %2; open conflicts: %3</source>
        <translation>Sendt %1, mottatt %2; åpne konflikter: %3</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="273"/>
        <source>syncing…</source>
        <translation>synkroniserer…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="276"/>
        <source>Syncing with %1</source>
        <translation>Synkroniserer med %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="278"/>
        <source>synced %1</source>
        <translation>synkronisert %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="280"/>
        <source>⚠ conflicts: %1</source>
        <translation>⚠ konflikter: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="284"/>
        <source>Synced with %1</source>
        <translation>Synkronisert med %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="288"/>
        <source>⚠ refused by the server: %1</source>
        <translation>⚠ avvist av serveren: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="297"/>
        <source>Click to see them, and discard or redo them.</source>
        <translation>Klikk for å se dem, og forkast dem eller send dem på nytt.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="299"/>
        <source>sync error</source>
        <translation>synkroniseringsfeil</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="303"/>
        <source>offline</source>
        <translation>frakoblet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="305"/>
        <source>Not synced yet: Sync ▸ Sync now (F9)</source>
        <translation>Ikke synkronisert ennå: Synkronisering ▸ Synkroniser nå (F9)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="311"/>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="390"/>
        <source>Sync settings</source>
        <extracomment>Emitted with the saved :class:`SyncSettings` (then the dialog closes).</extracomment>
        <translation>Innstillinger for synkronisering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="397"/>
        <source>Sync shares this board through a PostgreSQL server. The connection is encrypted (TLS) and the server&apos;s certificate is checked; the password is kept in your system&apos;s keyring, never in a file.</source>
        <translation>Synkronisering deler denne tavlen via en PostgreSQL-server. Forbindelsen er kryptert (TLS) og serverens sertifikat kontrolleres; passordet oppbevares i systemets nøkkelring, aldri i en fil.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="409"/>
        <source>the user in the address</source>
        <translation>brukeren i adressen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="413"/>
        <source>empty: keep the stored password</source>
        <translation>tomt: behold det lagrede passordet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="414"/>
        <source>Forget the stored password</source>
        <translation>Glem det lagrede passordet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="423"/>
        <source>empty: the system&apos;s trusted certificates</source>
        <translation>tomt: systemets klarerte sertifikater</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="424"/>
        <source>Choose…</source>
        <translation>Velg…</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="432"/>
        <source>Allow an unencrypted connection to a server on this computer</source>
        <translation>Tillat ukryptert forbindelse til en server på denne maskinen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="439"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="440"/>
        <source>off</source>
        <translation>av</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="442"/>
        <source>Sync when the board opens</source>
        <translation>Synkroniser når tavlen åpnes</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="446"/>
        <source>Test connection</source>
        <translation>Test forbindelsen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="458"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="459"/>
        <source>User</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="460"/>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="461"/>
        <source>CA certificate</source>
        <translation>CA-sertifikat</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="463"/>
        <source>Sync automatically every</source>
        <translation>Synkroniser automatisk hvert</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="524"/>
        <source>The stored password is removed.</source>
        <translation>Det lagrede passordet er fjernet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="526"/>
        <source>No password was stored for this account.</source>
        <translation>Ingen passord var lagret for denne kontoen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="531"/>
        <source>The CA certificate that signed the server&apos;s</source>
        <translation>CA-sertifikatet som signerte serverens</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="536"/>
        <source>Certificates (*.crt *.pem *.cer)</source>
        <translation>Sertifikater (*.crt *.pem *.cer)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="536"/>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="567"/>
        <source>Connected: the server is ready for this board.</source>
        <translation>Tilkoblet: serveren er klar for denne tavlen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/sync_dialog.py" line="576"/>
        <source>Connecting…</source>
        <translation>Kobler til…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="49"/>
        <source>Approved</source>
        <translation>Godkjent</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="50"/>
        <source>Sent back</source>
        <translation>Sendt tilbake</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="76"/>
        <source>Verify: %1</source>
        <extracomment>Emitted with the :class:`Outcome` of the verification (then the dialog closes).</extracomment>
        <translation>Verifiser: %1</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="94"/>
        <source>Column: %1 · score %2</source>
        <translation>Kolonne: %1 · score %2</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="100"/>
        <source>The board policy requires verification: %1.</source>
        <translation>Tavlens regel krever verifisering: %1.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="103"/>
        <source>The board policy does not require verification of this item (%1); a check is still welcome.</source>
        <translation>Tavlens regel krever ikke verifisering av denne oppgaven (%1); en kontroll er likevel velkommen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="119"/>
        <source>Earlier verifications</source>
        <translation>Tidligere verifiseringer</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="123"/>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="123"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="123"/>
        <source>Verdict</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="123"/>
        <source>Evidence</source>
        <translation>Bevis</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="156"/>
        <source>None yet.</source>
        <translation>Ingen ennå.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="165"/>
        <source>Your verification</source>
        <translation>Din verifisering</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="170"/>
        <source>Evidence (required): a link to it, or a note on what you checked and found. When you send the work back, write what is missing.</source>
        <translation>Bevis (påkrevd): en lenke til det, eller et notat om hva du kontrollerte og fant. Sender du arbeidet tilbake, skriv hva som mangler.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="176"/>
        <source>Approve and mark done</source>
        <translation>Godkjenn og merk ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="180"/>
        <source>Send back to Doing</source>
        <translation>Send tilbake til Pågår</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="214"/>
        <source>Only controlling members (internal control) verify finished work.</source>
        <translation>Bare kontrollerende (internkontroll) verifiserer ferdig arbeid.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="218"/>
        <source>The item is in %1; only items in %2 can be approved or sent back.</source>
        <translation>Oppgaven står i %1; bare oppgaver i %2 kan godkjennes eller sendes tilbake.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="225"/>
        <source>Approving moves the item to done; sending it back moves it to doing with your text as the reason.</source>
        <translation>Godkjenning flytter oppgaven til ferdig; sender du den tilbake, flyttes den til Pågår med teksten din som årsak.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="236"/>
        <source>Write the evidence: a link to it, or a note on what you checked.</source>
        <translation>Skriv beviset: en lenke til det, eller et notat om hva du kontrollerte.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="242"/>
        <source>Write why the work is sent back: what is missing or wrong.</source>
        <translation>Skriv hvorfor arbeidet sendes tilbake: hva som mangler eller er feil.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="248"/>
        <location filename="../../kanban_sec/ui/verify_dialog.py" line="254"/>
        <source>Verify</source>
        <translation>Verifiser</translation>
    </message>
</context>
<context>
    <name>Wheel</name>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="48"/>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="49"/>
        <source>On the board</source>
        <translation>På tavlen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="50"/>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="51"/>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="52"/>
        <source>Skipped</source>
        <translation>Hoppet over</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="81"/>
        <source>Annual wheel</source>
        <translation>Årshjul</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/wheel_view.py" line="178"/>
        <source>årshjul</source>
        <translation>årshjul</translation>
    </message>
</context>
<context>
    <name>WhoAmI</name>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="47"/>
        <source>Governing</source>
        <extracomment>Qt&apos;s translate, under the name pyside6-lupdate looks for outside classes.</extracomment>
        <translation>Styrende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="48"/>
        <source>Operational</source>
        <translation>Gjennomførende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="49"/>
        <source>Controlling</source>
        <translation>Kontrollerende</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="55"/>
        <source>Leads; sets targets and accepts risk</source>
        <translation>Leder; setter mål og aksepterer risiko</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="56"/>
        <source>Does the improvement work</source>
        <translation>Gjør forbedringsarbeidet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="57"/>
        <source>Internal control: verifies finished work</source>
        <translation>Internkontroll: verifiserer ferdig arbeid</translation>
    </message>
</context>
<context>
    <name>WhoAmIDialog</name>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="125"/>
        <location filename="../../kanban_sec/ui/whoami.py" line="361"/>
        <source>Who am I?</source>
        <translation>Hvem er jeg?</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="134"/>
        <source>Choose who you are on this board. It decides which items are &lt;i&gt;mine&lt;/i&gt; and signs your comments, and is remembered for this board on this computer.</source>
        <translation>Velg hvem du er på denne tavlen. Valget avgjør hvilke oppgaver som er &lt;i&gt;mine&lt;/i&gt; og hvem som står bak kommentarene dine, og huskes for denne tavlen på denne datamaskinen.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="143"/>
        <source>Search by name, unit or role</source>
        <translation>Søk etter navn, enhet eller rolle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="146"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="146"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="146"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="196"/>
        <source>Nobody is in the organisation yet: add yourself under “I am not in the list”.</source>
        <translation>Ingen er lagt inn i organisasjonen ennå: legg deg selv til under «Jeg står ikke på listen».</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="205"/>
        <source>Your full name</source>
        <translation>Ditt fulle navn</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="216"/>
        <source>Choose a unit, or type a path such as Kommune / IT / Drift</source>
        <translation>Velg en enhet, eller skriv en sti som Kommune / IT / Drift</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="236"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="237"/>
        <source>Unit:</source>
        <translation>Enhet:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="239"/>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="245"/>
        <source>Pick yourself</source>
        <translation>Velg deg selv</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="246"/>
        <source>I am not in the list</source>
        <translation>Jeg står ikke på listen</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="253"/>
        <source>This is me</source>
        <translation>Dette er meg</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="306"/>
        <source>No unit has this full path; did you mean %1? Otherwise a new unit is created.</source>
        <translation>Ingen enhet har akkurat denne stien; mente du %1? Ellers opprettes en ny enhet.</translation>
    </message>
    <message>
        <location filename="../../kanban_sec/ui/whoami.py" line="308"/>
        <source>A new unit is created (with the missing units along its path).</source>
        <translation>En ny enhet opprettes (med de manglende enhetene langs stien).</translation>
    </message>
</context>
<context>
    <name>_ImportProgress</name>
    <message>
        <location filename="../../kanban_sec/ui/csv_dialogs.py" line="226"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
</TS>
