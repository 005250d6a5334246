<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gl::Approvals</name>
    <message numerus="yes">
        <source>Waiting for %n more approval(s) from different groups of: %1.</source>
        <translation>
            <numerusform>Waiting for %n more approval from different groups of: %1.</numerusform>
            <numerusform>Waiting for %n more approvals from different groups of: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more approval(s) from: %1.</source>
        <translation>
            <numerusform>Waiting for %n more approval from: %1.</numerusform>
            <numerusform>Waiting for %n more approvals from: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An override needs a reason and %n approval(s) from: %1.</source>
        <translation>
            <numerusform>An override needs a reason and %n approval from: %1.</numerusform>
            <numerusform>An override needs a reason and %n approvals from: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::CredentialJob</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>The keychain did not answer within %n second.</numerusform>
            <numerusform>The keychain did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::HaproxyRuntimeClient</name>
    <message numerus="yes">
        <source>(%n more command(s) refused)</source>
        <translation>
            <numerusform>(%n more command refused)</numerusform>
            <numerusform>(%n more commands refused)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::ui::AnalysisPanel</name>
    <message numerus="yes">
        <source>%1 %n times in a row</source>
        <translation>
            <numerusform>%1 %n times in a row</numerusform>
            <numerusform>%1 %n times in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (failed %n times)</source>
        <translation>
            <numerusform>%1 (failed %n times)</numerusform>
            <numerusform>%1 (failed %n times)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Passed: every rule within its threshold (%n evaluations)</source>
        <translation>
            <numerusform>Passed: every rule within its threshold (%n evaluations)</numerusform>
            <numerusform>Passed: every rule within its threshold (%n evaluations)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::ui::ApprovalsView</name>
    <message numerus="yes">
        <source>%1: %2, %n approval(s) from %3</source>
        <translation><numerusform>%1: %2, %n approval from %3</numerusform><numerusform>%1: %2, %n approvals from %3</numerusform></translation>
    </message>
</context>
<context>
    <name>gl::ui::AuditView</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entries</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries; the newest %1 are loaded, scroll down for older ones</source>
        <translation>
            <numerusform>%n entries; the newest %1 are loaded, scroll down for older ones</numerusform>
            <numerusform>%n entries; the newest %1 are loaded, scroll down for older ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries match the filters</source>
        <translation>
            <numerusform>%1 of %n entries match the filters</numerusform>
            <numerusform>%1 of %n entries match the filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries match the filters so far; scroll down for older ones</source>
        <translation>
            <numerusform>%1 of %n entries match the filters so far; scroll down for older ones</numerusform>
            <numerusform>%1 of %n entries match the filters so far; scroll down for older ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n entries…</source>
        <translation>
            <numerusform>Verifying %n entries…</numerusform>
            <numerusform>Verifying %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries, head seq %1 (%2), %3 checkpoints matched.</source>
        <translation>
            <numerusform>The audit log is intact: %n entries, head seq %1 (%2), %3 checkpoints matched.</numerusform>
            <numerusform>The audit log is intact: %n entries, head seq %1 (%2), %3 checkpoints matched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::ui::MainWindow</name>
    <message numerus="yes">
        <source>Environment %1: backend %2, %n slot(s)</source>
        <translation>
            <numerusform>Environment %1: backend %2, %n slot</numerusform>
            <numerusform>Environment %1: backend %2, %n slots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n environment(s) open</source>
        <translation>
            <numerusform>%1 · %n environment open</numerusform>
            <numerusform>%1 · %n environments open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutActions</name>
    <message numerus="yes">
        <source>All traffic returns to %1 on %n slot(s) now. %2 stays deployed at weight 0 for inspection.</source>
        <translation>
            <numerusform>All traffic returns to %1 on %n slot now. %2 stays deployed at weight 0 for inspection.</numerusform>
            <numerusform>All traffic returns to %1 on %n slots now. %2 stays deployed at weight 0 for inspection.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All traffic returns to %1 on %n slot(s) now, then %2 is drained and removed.</source>
        <translation>
            <numerusform>All traffic returns to %1 on %n slot now, then %2 is drained and removed.</numerusform>
            <numerusform>All traffic returns to %1 on %n slots now, then %2 is drained and removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutsView</name>
    <message numerus="yes">
        <source>%n rollout(s)</source>
        <translation>
            <numerusform>%n rollout</numerusform>
            <numerusform>%n rollouts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::ui::VerdictHistoryModel</name>
    <message numerus="yes">
        <source>%1, %n failure(s) counted</source>
        <translation>
            <numerusform>%1, %n failure counted</numerusform>
            <numerusform>%1, %n failures counted</numerusform>
        </translation>
    </message>
</context>
</TS>
