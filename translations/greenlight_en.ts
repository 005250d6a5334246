<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gl::Approvals</name>
    <message numerus="yes">
        <source>Waiting for %n more approval(s) from different groups of: %1.</source>
        <translation><numerusform>Waiting for %n more approval from different groups of: %1.</numerusform><numerusform>Waiting for %n more approvals from different groups of: %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more approval(s) from: %1.</source>
        <translation><numerusform>Waiting for %n more approval from: %1.</numerusform><numerusform>Waiting for %n more approvals from: %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>An override needs a reason and %n approval(s) from: %1.</source>
        <translation><numerusform>An override needs a reason and %n approval from: %1.</numerusform><numerusform>An override needs a reason and %n approvals from: %1.</numerusform></translation>
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
    <name>gl::ui::MainWindow</name>
    <message numerus="yes">
        <source>Environment %1: backend %2, %n slot(s)</source>
        <translation>
            <numerusform>Environment %1: backend %2, %n slot</numerusform>
            <numerusform>Environment %1: backend %2, %n slots</numerusform>
        </translation>
    </message>
</context>
</TS>
