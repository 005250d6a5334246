<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>gl::AnalysisRules</name>
    <message>
        <source>no request count for the new version</source>
        <translation>새 버전의 요청 수가 없습니다</translation>
    </message>
    <message>
        <source>thin traffic: %1 requests to the new version, at least %2 needed</source>
        <translation>트래픽 부족: 새 버전 요청 %1건, 최소 %2건 필요</translation>
    </message>
    <message>
        <source>no request count for the stable version</source>
        <translation>안정 버전의 요청 수가 없습니다</translation>
    </message>
    <message>
        <source>thin traffic: %1 requests to the stable version, at least %2 needed</source>
        <translation>트래픽 부족: 안정 버전 요청 %1건, 최소 %2건 필요</translation>
    </message>
    <message>
        <source>no data for the new version (NaN: nothing in the window)</source>
        <translation>새 버전의 데이터가 없습니다(NaN: 윈도 안에 값이 없음)</translation>
    </message>
    <message>
        <source>no baseline: the stable version's value is %1</source>
        <translation>기준값 없음: 안정 버전의 값이 %1입니다</translation>
    </message>
    <message>
        <source>%1 %2 %3 (%4 x stable %5, floor %6)</source>
        <translation>%1 %2 %3(%4 x 안정 버전 %5, 하한 %6)</translation>
    </message>
    <message>
        <source>%1 % of the error budget burnt (limit %2 %), burn rate %3</source>
        <translation>오류 예산 %1 % 소진(한도 %2 %), 소진율 %3</translation>
    </message>
</context>
<context>
    <name>gl::Analyzer</name>
    <message>
        <source>the analysis has not started</source>
        <translation>분석이 시작되지 않았습니다</translation>
    </message>
    <message>
        <source>The analysis is already running.</source>
        <translation>분석이 이미 진행 중입니다.</translation>
    </message>
    <message>
        <source>The analysis needs the new version.</source>
        <translation>분석에는 새 버전이 필요합니다.</translation>
    </message>
    <message>
        <source>The analysis has no rule to evaluate.</source>
        <translation>분석에 평가할 규칙이 없습니다.</translation>
    </message>
    <message>
        <source>The rule "%1" names no known SLI.</source>
        <translation>규칙 "%1"이(가) 가리키는 SLI가 없습니다.</translation>
    </message>
    <message>
        <source>A rule compares with the stable version, but no stable version was given.</source>
        <translation>규칙이 안정 버전과 비교하지만 안정 버전이 지정되지 않았습니다.</translation>
    </message>
    <message>
        <source>the query returned %1 series, expected one (aggregate it, e.g. with sum())</source>
        <translation>쿼리가 시계열 %1개를 반환했습니다. 하나여야 합니다(sum() 등으로 집계하십시오)</translation>
    </message>
    <message>
        <source>the query returned a %1, expected a vector or a scalar</source>
        <translation>쿼리가 %1을(를) 반환했습니다. vector 또는 scalar여야 합니다</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus: %1</translation>
    </message>
</context>
<context>
    <name>gl::Approvals</name>
    <message>
        <source>Refused: this decision was already recorded (a replayed token is not counted twice).</source>
        <translation>거부됨: 이 결정은 이미 기록되었습니다(재사용한 토큰은 두 번 세지 않습니다).</translation>
    </message>
    <message>
        <source>Changes are frozen (%1) at %2 %3.</source>
        <translation>%2 %3에는 변경이 동결되어 있습니다(%1).</translation>
    </message>
    <message>
        <source>%1 %2 is outside the change windows.</source>
        <translation>%1 %2은(는) 변경 허용 시간대 밖입니다.</translation>
    </message>
    <message>
        <source>started this rollout and cannot approve it (separation of duties)</source>
        <translation>이 롤아웃을 시작했으므로 승인할 수 없습니다(직무 분리)</translation>
    </message>
    <message>
        <source>is not in the gate's groups (%1)</source>
        <translation>게이트의 그룹(%1)에 속하지 않습니다</translation>
    </message>
    <message>
        <source>decided after the gate timed out</source>
        <translation>게이트 시간 초과 후에 결정했습니다</translation>
    </message>
    <message>
        <source>Rejected by %1%2</source>
        <translation>%1이(가) 거부함%2</translation>
    </message>
    <message>
        <source>the input "%1" is missing or does not match %2</source>
        <translation>입력 "%1"이(가) 없거나 %2와(과) 일치하지 않습니다</translation>
    </message>
    <message>
        <source>Timed out at %1 with %2 of %3 approvals; the gate is rejected.</source>
        <translation>%1에 시간이 초과되었습니다(승인 %3건 중 %2건). 게이트가 거부되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more approval(s) from different groups of: %1.</source>
        <translation>
            <numerusform>%1 중 서로 다른 그룹의 승인 %n건을 더 기다리고 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n more approval(s) from: %1.</source>
        <translation>
            <numerusform>%1의 승인 %n건을 더 기다리고 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The environment has no gate named "%1".</source>
        <translation>환경에 "%1"(이)라는 게이트가 없습니다.</translation>
    </message>
    <message>
        <source>Blocked by %1: %2</source>
        <translation>%1이(가) 차단함: %2</translation>
    </message>
    <message numerus="yes">
        <source>An override needs a reason and %n approval(s) from: %1.</source>
        <translation>
            <numerusform>예외 승인에는 사유와 %1의 승인 %n건이 필요합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>This is not a Greenlight decision token (it should start with glt1.).</source>
        <translation>그린라이트 결정 토큰이 아닙니다(glt1.로 시작해야 합니다).</translation>
    </message>
    <message>
        <source>The decision token is damaged (not base64url); copy it again in one piece.</source>
        <translation>결정 토큰이 손상되었습니다(base64url이 아님). 끊기지 않게 다시 복사하십시오.</translation>
    </message>
    <message>
        <source>The decision token is damaged; copy it again in one piece.</source>
        <translation>결정 토큰이 손상되었습니다. 끊기지 않게 다시 복사하십시오.</translation>
    </message>
    <message>
        <source>Refused: the decision is signed as "%1", who is not in this environment's approvers list (unknown key).</source>
        <translation>거부됨: 결정의 서명자 "%1"이(가) 이 환경의 승인자 목록에 없습니다(알 수 없는 키).</translation>
    </message>
    <message>
        <source>Refused: the signature does not match %1's key (%2). The decision was altered or signed with another key.</source>
        <translation>거부됨: 서명이 %1의 키(%2)와 일치하지 않습니다. 결정이 변경되었거나 다른 키로 서명되었습니다.</translation>
    </message>
    <message>
        <source>Refused: the decision is for environment "%1", not "%2".</source>
        <translation>거부됨: 이 결정은 "%2"이(가) 아니라 "%1" 환경에 대한 것입니다.</translation>
    </message>
    <message>
        <source>Refused: the decision is for rollout %1, not rollout %2 (a decision cannot be replayed for another rollout).</source>
        <translation>거부됨: 이 결정은 롤아웃 %2가 아니라 롤아웃 %1에 대한 것입니다(결정을 다른 롤아웃에 재사용할 수 없습니다).</translation>
    </message>
    <message>
        <source>The decision cannot be read: %1.</source>
        <translation>결정을 읽을 수 없습니다: %1.</translation>
    </message>
    <message>
        <source>unknown format version</source>
        <translation>알 수 없는 형식 버전</translation>
    </message>
    <message>
        <source>unknown field "%1"</source>
        <translation>알 수 없는 필드 "%1"</translation>
    </message>
    <message>
        <source>unknown decision</source>
        <translation>알 수 없는 결정</translation>
    </message>
    <message>
        <source>a required field is missing</source>
        <translation>필수 필드가 없습니다</translation>
    </message>
    <message>
        <source>%1h %2m left</source>
        <translation>%1시간 %2분 남음</translation>
    </message>
    <message>
        <source>%1m %2s left</source>
        <translation>%1분 %2초 남음</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>%1초 남음</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>The audit log is not open.</source>
        <translation>감사 로그가 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>The audit log is not open: approvals cannot be read.</source>
        <translation>감사 로그가 열려 있지 않습니다: 승인을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 (on rollout #%2, which this one retries)</source>
        <translation>%1(이 롤아웃이 재시도하는 롤아웃 #%2에서)</translation>
    </message>
</context>
<context>
    <name>gl::AuditLog</name>
    <message>
        <source>a checkpoint names seq %1, which no entry can have</source>
        <translation>체크포인트가 어떤 항목도 가질 수 없는 seq %1을(를) 가리킵니다</translation>
    </message>
    <message>
        <source>the checkpoint at seq %1 belongs to another log (%2, not %3)</source>
        <translation>seq %1의 체크포인트가 다른 로그의 것입니다(%3이(가) 아니라 %2)</translation>
    </message>
    <message>
        <source>the checkpoint at seq %1 names no valid public key</source>
        <translation>seq %1의 체크포인트에 올바른 공개 키가 없습니다</translation>
    </message>
    <message>
        <source>the checkpoint at seq %1 is signed by an unknown key (%2)</source>
        <translation>seq %1의 체크포인트가 알 수 없는 키(%2)로 서명되었습니다</translation>
    </message>
    <message>
        <source>the signature of the checkpoint at seq %1 is not valid</source>
        <translation>seq %1의 체크포인트 서명이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>some checkpoints are not signed: a rewritten chain would go unnoticed before them</source>
        <translation>서명되지 않은 체크포인트가 있습니다: 그 이전의 체인이 다시 쓰여도 알아챌 수 없습니다</translation>
    </message>
    <message>
        <source>entry %1 is missing (deleted): the log goes from seq %2 to seq %3</source>
        <translation>항목 %1이(가) 없습니다(삭제됨): 로그가 seq %2에서 seq %3(으)로 건너뜁니다</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing (deleted): the log goes from seq %3 to seq %4</source>
        <translation>항목 %1~%2가 없습니다(삭제됨): 로그가 seq %3에서 seq %4(으)로 건너뜁니다</translation>
    </message>
    <message>
        <source>entry %1 is out of order: seq %2 follows seq %3</source>
        <translation>항목 %1의 순서가 잘못되었습니다: seq %3 다음에 seq %2가 있습니다</translation>
    </message>
    <message>
        <source>entry 1 does not start the chain (its prev_hash is not the genesis hash)</source>
        <translation>항목 1이 체인의 시작이 아닙니다(prev_hash가 제네시스 해시가 아님)</translation>
    </message>
    <message>
        <source>entry %1 does not link to entry %2 (prev_hash differs: entries were inserted, removed or reordered here)</source>
        <translation>항목 %1이(가) 항목 %2에 연결되지 않습니다(prev_hash 불일치: 이 위치에서 항목이 삽입, 삭제되었거나 순서가 바뀌었습니다)</translation>
    </message>
    <message>
        <source>entry %1 was altered: its content no longer matches its hash</source>
        <translation>항목 %1이(가) 변경되었습니다: 내용이 해시와 더 이상 일치하지 않습니다</translation>
    </message>
    <message>
        <source>entry %1 differs from the signed checkpoint at seq %1: the chain up to here was rewritten</source>
        <translation>항목 %1이(가) seq %1의 서명된 체크포인트와 다릅니다: 여기까지의 체인이 다시 쓰였습니다</translation>
    </message>
    <message>
        <source>the log was truncated: it ends at seq %1 but the checkpoint kept outside the database covers seq %2</source>
        <translation>로그가 잘렸습니다: seq %1에서 끝나지만 데이터베이스 밖에 보관된 체크포인트는 seq %2까지 포함합니다</translation>
    </message>
    <message>
        <source>the log was truncated: it ends at seq %1 but a checkpoint covers seq %2</source>
        <translation>로그가 잘렸습니다: seq %1에서 끝나지만 체크포인트는 seq %2까지 포함합니다</translation>
    </message>
    <message>
        <source>Could not write the audit export.</source>
        <translation>감사 내보내기 파일을 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>line %1 of the audit export cannot be read: %2</source>
        <translation>감사 내보내기 파일의 %1번째 줄을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>not a Greenlight audit export (no header line)</source>
        <translation>그린라이트 감사 내보내기 파일이 아닙니다(머리글 줄 없음)</translation>
    </message>
    <message>
        <source>not a Greenlight audit export (unexpected header row)</source>
        <translation>그린라이트 감사 내보내기 파일이 아닙니다(예상하지 못한 머리글 행)</translation>
    </message>
    <message>
        <source>expected 11 fields, found %1</source>
        <translation>필드가 11개여야 하는데 %1개입니다</translation>
    </message>
    <message>
        <source>the log row is missing</source>
        <translation>로그 행이 없습니다</translation>
    </message>
    <message>
        <source>seq is not a number</source>
        <translation>seq가 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>unknown row kind "%1"</source>
        <translation>알 수 없는 행 종류 "%1"</translation>
    </message>
    <message>
        <source>The audit export is empty.</source>
        <translation>감사 내보내기 파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>%1 is not a Greenlight audit log (it has no log id).</source>
        <translation>%1은(는) 그린라이트 감사 로그가 아닙니다(로그 ID 없음).</translation>
    </message>
    <message>
        <source>An audit entry needs an actor and an action.</source>
        <translation>감사 항목에는 행위자와 작업이 필요합니다.</translation>
    </message>
    <message>
        <source>This was already recorded in the audit log (%1); it is not recorded twice.</source>
        <translation>이미 감사 로그에 기록되었으므로(%1) 두 번 기록하지 않습니다.</translation>
    </message>
    <message>
        <source>Could not create the folder of %1.</source>
        <translation>%1의 폴더를 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1을(를) 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>The audit log is empty; there is nothing to checkpoint.</source>
        <translation>감사 로그가 비어 있어 체크포인트를 만들 것이 없습니다.</translation>
    </message>
    <message>
        <source>Could not read the audit checkpoint %1.</source>
        <translation>감사 체크포인트 %1을(를) 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>The audit checkpoint %1 is damaged.</source>
        <translation>감사 체크포인트 %1이(가) 손상되었습니다.</translation>
    </message>
    <message>
        <source>no checkpoint is kept outside the database at %1: truncation of the log cannot be detected</source>
        <translation>%1에 데이터베이스 밖의 체크포인트가 없습니다: 로그가 잘려도 감지할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>gl::ConnectionMonitor</name>
    <message>
        <source>%1, pid %2</source>
        <translation>%1, PID %2</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>설정되지 않음</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>연결할 수 없음: %1</translation>
    </message>
    <message>
        <source>not ready (HTTP %1)</source>
        <translation>준비되지 않음(HTTP %1)</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
</context>
<context>
    <name>gl::CredentialJob</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>키체인이 %n초 안에 응답하지 않았습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gl::CredentialStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>%1에 저장된 비밀이 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::Database</name>
    <message>
        <source>No database file was given.</source>
        <translation>데이터베이스 파일이 지정되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>%1을(를) 열지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 is in use by another program and could not be opened.</source>
        <translation>%1을(를) 다른 프로그램이 사용 중이어서 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not update %1 to schema %2; it was left at schema %3.</source>
        <translation>%1을(를) 스키마 %2(으)로 갱신하지 못했습니다. 스키마 %3 상태로 남아 있습니다.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>데이터베이스가 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>A database operation on %1 failed.</source>
        <translation>%1에 대한 데이터베이스 작업이 실패했습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the file or its folder is read-only. Greenlight needs to write the database and its -wal and -shm files beside it. Nothing was changed.</source>
        <translation>%1에 쓸 수 없습니다: 파일이나 폴더가 읽기 전용입니다. 그린라이트는 데이터베이스와 그 옆의 -wal, -shm 파일에 써야 합니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be used. It was left unchanged; restore it from a backup or move it aside.</source>
        <translation>%1이(가) 손상되어 사용할 수 없습니다. 파일은 그대로 두었습니다. 백업에서 복원하거나 다른 곳으로 옮기십시오.</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the database.</source>
        <translation>데이터베이스용 폴더 %1을(를) 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1을(를) 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not check %1.</source>
        <translation>%1을(를) 검사하지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Greenlight (schema %2, this version knows %3). It was left unchanged; open it with that newer version.</source>
        <translation>%1은(는) 더 새로운 그린라이트가 기록한 파일입니다(스키마 %2, 이 버전은 %3까지 지원). 파일은 그대로 두었습니다. 그 새 버전으로 여십시오.</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1이(가) 삭제되었습니다</translation>
    </message>
    <message>
        <source>%1 was replaced by another file</source>
        <translation>%1이(가) 다른 파일로 바뀌었습니다</translation>
    </message>
    <message>
        <source>%1 while Greenlight had %2 open; what this process wrote since may be lost. Greenlight stopped using those files and opens the database again.</source>
        <translation>Greenlight가 %2을(를) 열어 둔 동안 %1. 그 뒤 이 프로세스가 쓴 내용은 잃었을 수 있습니다. Greenlight는 그 파일들을 더 이상 쓰지 않고 데이터베이스를 다시 엽니다.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>gl::DecisionRecorder</name>
    <message>
        <source>The gate needs %1 (matching %2).</source>
        <translation>게이트에 %1이(가) 필요합니다(%2와(과) 일치해야 함).</translation>
    </message>
    <message>
        <source>%1 "%2" does not match %3.</source>
        <translation>%1 "%2"이(가) %3와(과) 일치하지 않습니다.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>기록되지 않음: %1</translation>
    </message>
</context>
<context>
    <name>gl::Drill</name>
    <message>
        <source>There is no drill %1.</source>
        <translation>훈련 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>This drill has ended.</source>
        <translation>이 훈련은 종료되었습니다.</translation>
    </message>
    <message>
        <source>The restore point is not a valid date and time.</source>
        <translation>복구 지점이 올바른 날짜와 시각이 아닙니다.</translation>
    </message>
    <message>
        <source>The restore point cannot be in the future.</source>
        <translation>복구 지점은 미래일 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::DrillReport</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>측정 안 됨</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>목표 없음</translation>
    </message>
    <message>
        <source>met</source>
        <translation>달성</translation>
    </message>
    <message>
        <source>**missed** by %1</source>
        <translation>**미달**(%1 초과)</translation>
    </message>
    <message>
        <source>Drill started</source>
        <translation>훈련 시작</translation>
    </message>
    <message>
        <source>Drill started: %1</source>
        <translation>훈련 시작: %1</translation>
    </message>
    <message>
        <source>Step %1 "%2" %3</source>
        <translation>%1단계 "%2" %3</translation>
    </message>
    <message>
        <source>**Incident** during step %1: %2</source>
        <translation>%1단계 중 **장애**: %2</translation>
    </message>
    <message>
        <source>**Incident**: %1</source>
        <translation>**장애**: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>메모: %1</translation>
    </message>
    <message>
        <source>Restore point entered: data restored up to %1</source>
        <translation>복구 지점 입력: %1까지의 데이터 복원</translation>
    </message>
    <message>
        <source>Service declared restored</source>
        <translation>서비스 복구 선언</translation>
    </message>
    <message>
        <source>Drill ended</source>
        <translation>훈련 종료</translation>
    </message>
    <message>
        <source>DR drill report: %1</source>
        <translation>재해 복구 훈련 보고서: %1</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1(버전 %2)</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(지정되지 않음)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>참가자</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Drill clock</source>
        <translation>훈련 시계</translation>
    </message>
    <message>
        <source>Recovery objectives</source>
        <translation>복구 목표</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>목표 항목</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>RTO (time to restore service)</source>
        <translation>RTO(서비스 복구까지 걸린 시간)</translation>
    </message>
    <message>
        <source>RPO (data lost)</source>
        <translation>RPO(손실된 데이터)</translation>
    </message>
    <message>
        <source>Data was restored up to %1; the simulated failure began at %2.</source>
        <translation>데이터는 %1까지 복원되었습니다. 모의 장애는 %2에 시작되었습니다.</translation>
    </message>
    <message>
        <source>No restore point was entered, so the RPO was not measured.</source>
        <translation>복구 지점을 입력하지 않아 RPO를 측정하지 않았습니다.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>예상</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>편차</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Step %1 "%2" took %3, %4 longer than the expected %5.</source>
        <translation>%1단계 "%2"에 %3이(가) 걸려 예상 시간 %5보다 %4 더 걸렸습니다.</translation>
    </message>
    <message>
        <source>Step %1 "%2" failed.</source>
        <translation>%1단계 "%2"이(가) 실패했습니다.</translation>
    </message>
    <message>
        <source>Step %1 "%2" was skipped.</source>
        <translation>%1단계 "%2"을(를) 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>Step %1 "%2" was not reached.</source>
        <translation>%1단계 "%2"까지 진행하지 못했습니다.</translation>
    </message>
    <message>
        <source>The RTO target of %1 was missed: service was restored after %2.</source>
        <translation>RTO 목표 %1을(를) 달성하지 못했습니다: 서비스가 %2 후에 복구되었습니다.</translation>
    </message>
    <message>
        <source>The RPO target of %1 was missed: %2 of data was lost.</source>
        <translation>RPO 목표 %1을(를) 달성하지 못했습니다: %2 분량의 데이터가 손실되었습니다.</translation>
    </message>
    <message>
        <source>Incident at %1: %2</source>
        <translation>%1에 장애: %2</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>편차</translation>
    </message>
    <message>
        <source>None: every step was done within its expected time and the objectives were met.</source>
        <translation>없음: 모든 단계가 예상 시간 안에 끝났고 목표를 달성했습니다.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
</context>
<context>
    <name>gl::EngineLock</name>
    <message>
        <source>Another engine drives this environment (pid %1 on %2, since %3).</source>
        <translation>다른 엔진이 이 환경을 구동하고 있습니다(%2의 PID %1, %3부터).</translation>
    </message>
    <message>
        <source>Another engine has taken over this environment.</source>
        <translation>다른 엔진이 이 환경을 넘겨받았습니다.</translation>
    </message>
</context>
<context>
    <name>gl::EnvironmentFile</name>
    <message>
        <source>%1:%2: not valid YAML: %3</source>
        <translation>%1:%2: 올바른 YAML이 아닙니다: %3</translation>
    </message>
    <message>
        <source>unexpected YAML structure: %1</source>
        <translation>예상하지 못한 YAML 구조: %1</translation>
    </message>
    <message>
        <source>(document)</source>
        <translation>(문서)</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>매핑이 와야 합니다</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>알 수 없는 키(가능한 키: %1)</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>중복된 키</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>필수 필드가 없습니다</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>문자열이 와야 합니다</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got "%1"</source>
        <translation>http:// 또는 https:// URL이 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>must contain the placeholder {%1}</source>
        <translation>자리 표시자 {%1}이(가) 있어야 합니다</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (known: {slot}, {version}, {address})</source>
        <translation>알 수 없는 자리 표시자 {%1}(사용 가능: {slot}, {version}, {address})</translation>
    </message>
    <message>
        <source>expected an absolute UNIX socket path or host:port, got "%1"</source>
        <translation>절대 경로의 UNIX 소켓 또는 host:port가 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>not a valid HAProxy backend name: "%1"</source>
        <translation>올바른 HAProxy 백엔드 이름이 아닙니다: "%1"</translation>
    </message>
    <message>
        <source>expected a non-empty list of server slots</source>
        <translation>비어 있지 않은 서버 슬롯 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>not a valid HAProxy server name: "%1"</source>
        <translation>올바른 HAProxy 서버 이름이 아닙니다: "%1"</translation>
    </message>
    <message>
        <source>duplicate slot name "%1"</source>
        <translation>중복된 슬롯 이름 "%1"</translation>
    </message>
    <message>
        <source>a third colour "%1": an environment has exactly two (%2, %3)</source>
        <translation>세 번째 색 "%1": 환경에는 색이 정확히 두 개(%2, %3) 있어야 합니다</translation>
    </message>
    <message>
        <source>expected host:port with a port from 1 to 65535, got "%1"</source>
        <translation>포트가 1에서 65535 사이인 host:port가 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>only one colour ("%1"): an environment has exactly two</source>
        <translation>색이 하나뿐입니다("%1"): 환경에는 색이 정확히 두 개 있어야 합니다</translation>
    </message>
    <message>
        <source>%1: cannot read the environment file: %2</source>
        <translation>%1: 환경 파일을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>expected a non-empty list</source>
        <translation>비어 있지 않은 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a list of approvers</source>
        <translation>승인자 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>"%1" is listed twice</source>
        <translation>"%1"이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>expected a list of gates</source>
        <translation>게이트 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>use letters, digits, '.', '_' and '-' only</source>
        <translation>영문자, 숫자, '.', '_', '-'만 쓰십시오</translation>
    </message>
    <message>
        <source>the name "%1" is already used</source>
        <translation>이름 "%1"은(는) 이미 쓰이고 있습니다</translation>
    </message>
    <message>
        <source>expected before_start, canary_step or before_switch, got "%1"</source>
        <translation>before_start, canary_step, before_switch 중 하나여야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>expected a canary step percent from 1 to 100 (with at: canary_step)</source>
        <translation>1에서 100 사이의 카나리 단계 백분율이 와야 합니다(at: canary_step과 함께)</translation>
    </message>
    <message>
        <source>no approver is in group "%1"</source>
        <translation>그룹 "%1"에 승인자가 없습니다</translation>
    </message>
    <message>
        <source>expected a whole number of at least 1</source>
        <translation>1 이상의 정수가 와야 합니다</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true 또는 false가 와야 합니다</translation>
    </message>
    <message>
        <source>a quorum of %1 from distinct groups needs at least %1 groups</source>
        <translation>서로 다른 그룹에서 정족수 %1을(를) 채우려면 그룹이 %1개 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>expected a duration such as 30m, 4h or 3d</source>
        <translation>30m, 4h, 3d 같은 기간이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a list of inputs</source>
        <translation>입력 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>not a valid regular expression</source>
        <translation>올바른 정규 표현식이 아닙니다</translation>
    </message>
    <message>
        <source>a quorum of %1 cannot be reached: only %2 approvers are in these groups</source>
        <translation>정족수 %1을(를) 채울 수 없습니다: 이 그룹들의 승인자는 %2명뿐입니다</translation>
    </message>
    <message>
        <source>unknown time zone "%1"</source>
        <translation>알 수 없는 시간대 "%1"</translation>
    </message>
    <message>
        <source>expected a list of windows</source>
        <translation>시간대 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>unknown day "%1" (mon..sun)</source>
        <translation>알 수 없는 요일 "%1"(mon..sun)</translation>
    </message>
    <message>
        <source>expected a time HH:MM</source>
        <translation>HH:MM 형식의 시각이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a time HH:MM (or 24:00)</source>
        <translation>HH:MM 형식의 시각(또는 24:00)이 와야 합니다</translation>
    </message>
    <message>
        <source>must be later than from (split a window that crosses midnight in two)</source>
        <translation>from보다 늦어야 합니다(자정을 넘는 시간대는 둘로 나누십시오)</translation>
    </message>
    <message>
        <source>expected a list of freezes</source>
        <translation>변경 동결 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a day and time such as "fri 16:00"</source>
        <translation>"fri 16:00" 같은 요일과 시각이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a month and day such as "12-20"</source>
        <translation>"12-20" 같은 월과 일이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a local date and time "YYYY-MM-DD HH:MM"</source>
        <translation>"YYYY-MM-DD HH:MM" 형식의 현지 날짜와 시각이 와야 합니다</translation>
    </message>
    <message>
        <source>must be later than from</source>
        <translation>from보다 늦어야 합니다</translation>
    </message>
    <message>
        <source>expected a runbook id (lowercase letters, digits, . _ -), got "%1"</source>
        <translation>런북 ID(영문 소문자, 숫자, . _ -)가 와야 하는데 "%1"입니다</translation>
    </message>
</context>
<context>
    <name>gl::FallbackCredentialStore</name>
    <message>
        <source>Secrets are kept in memory for this run only and will be asked for again next time.</source>
        <translation>비밀은 이번 실행 동안에만 메모리에 보관되며, 다음 실행 때 다시 묻습니다.</translation>
    </message>
</context>
<context>
    <name>gl::HaproxyParsers</name>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 %2번째 줄: %3</translation>
    </message>
    <message>
        <source>field '%1' is not a number: '%2'</source>
        <translation>필드 '%1'이(가) 숫자가 아닙니다: '%2'</translation>
    </message>
    <message>
        <source>missing header line "# pxname,svname,..."</source>
        <translation>머리글 줄 "# pxname,svname,..."이 없습니다</translation>
    </message>
    <message>
        <source>header has no column '%1'</source>
        <translation>머리글에 '%1' 열이 없습니다</translation>
    </message>
    <message>
        <source>expected %1 fields, got %2</source>
        <translation>필드가 %1개여야 하는데 %2개입니다</translation>
    </message>
    <message>
        <source>field 'type' has an unknown value: '%1'</source>
        <translation>필드 'type'의 값을 알 수 없습니다: '%1'</translation>
    </message>
    <message>
        <source>expected the format version "1", got '%1'</source>
        <translation>형식 버전 "1"이 와야 하는데 '%1'입니다</translation>
    </message>
    <message>
        <source>missing header line "# be_id be_name ..."</source>
        <translation>머리글 줄 "# be_id be_name ..."이 없습니다</translation>
    </message>
    <message>
        <source>field 'srv_op_state' has an unknown value: '%1'</source>
        <translation>필드 'srv_op_state'의 값을 알 수 없습니다: '%1'</translation>
    </message>
    <message>
        <source>expected "Name: value"</source>
        <translation>"이름: 값" 형식이어야 합니다</translation>
    </message>
    <message>
        <source>%1: field '%2' is missing</source>
        <translation>%1: 필드 '%2'이(가) 없습니다</translation>
    </message>
</context>
<context>
    <name>gl::HaproxyRuntimeClient</name>
    <message>
        <source>Invalid HAProxy backend name: '%1'</source>
        <translation>잘못된 HAProxy 백엔드 이름: '%1'</translation>
    </message>
    <message>
        <source>Invalid HAProxy server name: '%1'</source>
        <translation>잘못된 HAProxy 서버 이름: '%1'</translation>
    </message>
    <message>
        <source>Invalid weight %1 for %2: it must be 0 to 256</source>
        <translation>%2의 가중치 %1이(가) 잘못되었습니다: 0에서 256 사이여야 합니다</translation>
    </message>
    <message>
        <source>Nothing to change for %1/%2</source>
        <translation>%1/%2에 바꿀 것이 없습니다</translation>
    </message>
    <message>
        <source>Empty HAProxy command</source>
        <translation>빈 HAProxy 명령</translation>
    </message>
    <message>
        <source>An HAProxy command may not contain ';' or a line break: '%1'</source>
        <translation>HAProxy 명령에는 ';'나 줄바꿈이 들어갈 수 없습니다: '%1'</translation>
    </message>
    <message>
        <source>HAProxy's reply was cut off; the changes may have been applied in part</source>
        <translation>HAProxy의 응답이 중간에 끊겼습니다. 변경이 일부만 적용되었을 수 있습니다</translation>
    </message>
    <message>
        <source>Unexpected reply from HAProxy</source>
        <translation>HAProxy에서 예상하지 못한 응답이 왔습니다</translation>
    </message>
    <message>
        <source>HAProxy refused '%1': %2</source>
        <translation>HAProxy가 '%1'을(를) 거부했습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>(%n more command(s) refused)</source>
        <translation>
            <numerusform>(명령 %n개가 더 거부됨)</numerusform>
        </translation>
    </message>
    <message>
        <source>The HAProxy request was cancelled</source>
        <translation>HAProxy 요청이 취소되었습니다</translation>
    </message>
    <message>
        <source>Cannot reach the HAProxy Runtime API at %1</source>
        <translation>%1의 HAProxy 런타임 API에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>The connection to HAProxy failed during a request; the changes may have been applied in part</source>
        <translation>요청 도중 HAProxy 연결이 끊겼습니다. 변경이 일부만 적용되었을 수 있습니다</translation>
    </message>
    <message>
        <source>HAProxy did not answer within %1 ms</source>
        <translation>HAProxy가 %1ms 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>Invalid HAProxy Runtime API address '%1': expected a socket path or host:port</source>
        <translation>잘못된 HAProxy 런타임 API 주소 '%1': 소켓 경로나 host:port여야 합니다</translation>
    </message>
</context>
<context>
    <name>gl::HookRunner</name>
    <message>
        <source>The hook could not start: %1</source>
        <translation>훅을 시작하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The hook did not finish within %1 s and was stopped: %2</source>
        <translation>훅이 %1 s 안에 끝나지 않아 중지했습니다: %2</translation>
    </message>
    <message>
        <source>The hook failed (exit code %1): %2</source>
        <translation>훅이 실패했습니다(종료 코드 %1): %2</translation>
    </message>
    <message>
        <source>The hook is empty.</source>
        <translation>훅이 비어 있습니다.</translation>
    </message>
</context>
<context>
    <name>gl::Identity</name>
    <message>
        <source>Not an Ed25519 public key: expected 32 bytes, got %1.</source>
        <translation>Ed25519 공개 키가 아닙니다: 32바이트여야 하는데 %1바이트입니다.</translation>
    </message>
    <message>
        <source>Not an Ed25519 public key: the text is not base64.</source>
        <translation>Ed25519 공개 키가 아닙니다: 텍스트가 base64가 아닙니다.</translation>
    </message>
    <message>
        <source>Could not read the public half of the key.</source>
        <translation>키의 공개 키 부분을 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not create an Ed25519 key pair.</source>
        <translation>Ed25519 키 쌍을 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>The stored private key is damaged: expected 32 bytes, got %1.</source>
        <translation>저장된 개인 키가 손상되었습니다: 32바이트여야 하는데 %1바이트입니다.</translation>
    </message>
    <message>
        <source>The stored private key is damaged.</source>
        <translation>저장된 개인 키가 손상되었습니다.</translation>
    </message>
    <message>
        <source>No signing key is loaded.</source>
        <translation>불러온 서명 키가 없습니다.</translation>
    </message>
    <message>
        <source>Could not sign with the Ed25519 key.</source>
        <translation>Ed25519 키로 서명하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>gl::IdentityJob</name>
    <message>
        <source>No keychain is available to hold the private key.</source>
        <translation>개인 키를 보관할 키체인이 없습니다.</translation>
    </message>
    <message>
        <source>The private key in the keychain (%1) is damaged.</source>
        <translation>키체인(%1)의 개인 키가 손상되었습니다.</translation>
    </message>
    <message>
        <source>A new key pair was created but the keychain refused to keep it: %1</source>
        <translation>새 키 쌍을 만들었지만 키체인이 보관을 거부했습니다: %1</translation>
    </message>
</context>
<context>
    <name>gl::KeychainCredentialStore</name>
    <message>
        <source>No keychain is reachable (%1).</source>
        <translation>접근할 수 있는 키체인이 없습니다(%1).</translation>
    </message>
    <message>
        <source>Access to the keychain was refused.</source>
        <translation>키체인 접근이 거부되었습니다.</translation>
    </message>
    <message>
        <source>the keychain is locked or refused access</source>
        <translation>키체인이 잠겨 있거나 접근을 거부했습니다</translation>
    </message>
    <message>
        <source>no keychain service is running</source>
        <translation>실행 중인 키체인 서비스가 없습니다</translation>
    </message>
    <message>
        <source>the keychain is locked</source>
        <translation>키체인이 잠겨 있습니다</translation>
    </message>
    <message>
        <source>the keychain has no collection to keep secrets in</source>
        <translation>키체인에 비밀을 보관할 컬렉션이 없습니다</translation>
    </message>
    <message>
        <source>the keychain service could not be reached over D-Bus</source>
        <translation>D-Bus로 키체인 서비스에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>The keychain could not read the secret for %1.</source>
        <translation>키체인에서 %1의 비밀을 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>The keychain could not store the secret for %1.</source>
        <translation>키체인에 %1의 비밀을 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>The keychain could not remove the secret for %1.</source>
        <translation>키체인에서 %1의 비밀을 삭제하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>gl::MeasurementStore</name>
    <message>
        <source>There is no analysis run %1.</source>
        <translation>분석 실행 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Rollout %1 has no analysis.</source>
        <translation>롤아웃 %1에 분석이 없습니다.</translation>
    </message>
    <message>
        <source>This environment has no analysis yet.</source>
        <translation>이 환경에는 아직 분석이 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::PendingGates</name>
    <message>
        <source>superseded by a later decision of %1</source>
        <translation>%1의 이후 결정으로 대체됨</translation>
    </message>
    <message>
        <source>not counted: the gate was already rejected</source>
        <translation>집계되지 않음: 게이트가 이미 거부되었습니다</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>집계되지 않음</translation>
    </message>
</context>
<context>
    <name>gl::ProfileStore</name>
    <message>
        <source>The profile has no value for %1.</source>
        <translation>프로필에 %1 값이 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::PrometheusParsers</name>
    <message>
        <source>Prometheus sent an answer Greenlight cannot read: %1: %2</source>
        <translation>Prometheus가 그린라이트가 읽을 수 없는 응답을 보냈습니다: %1: %2</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1이(가) 와야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>expected [time, "value"], got %1 elements</source>
        <translation>[time, "value"]가 와야 하는데 요소가 %1개입니다</translation>
    </message>
    <message>
        <source>"%1" is not a number</source>
        <translation>"%1"은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>Prometheus answered with an error and no explanation (%1).</source>
        <translation>Prometheus가 설명 없이 오류로 응답했습니다(%1).</translation>
    </message>
    <message>
        <source>Prometheus refused the query: %1</source>
        <translation>Prometheus가 쿼리를 거부했습니다: %1</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>응답이 비어 있습니다</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>%1바이트 위치에서 올바른 JSON이 아닙니다: %2</translation>
    </message>
    <message>
        <source>expected "success" or "error", got "%1"</source>
        <translation>"success" 또는 "error"가 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>expected vector, matrix, scalar or string, got "%1"</source>
        <translation>vector, matrix, scalar, string 중 하나여야 하는데 "%1"입니다</translation>
    </message>
</context>
<context>
    <name>gl::PrometheusQuery</name>
    <message>
        <source>Cannot query Prometheus: the network is not available.</source>
        <translation>Prometheus에 쿼리할 수 없습니다: 네트워크를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>The Prometheus query was cancelled.</source>
        <translation>Prometheus 쿼리가 취소되었습니다.</translation>
    </message>
    <message>
        <source>Prometheus did not answer within %1 ms (%2).</source>
        <translation>Prometheus가 %1ms 안에 응답하지 않았습니다(%2).</translation>
    </message>
    <message>
        <source>Prometheus is unreachable at %1: %2</source>
        <translation>%1의 Prometheus에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2 without its API's JSON (is the URL right?).</source>
        <translation>%1의 Prometheus가 API JSON 없이 HTTP %2(으)로 응답했습니다(URL이 맞습니까?).</translation>
    </message>
</context>
<context>
    <name>gl::RolloutEngine</name>
    <message>
        <source>HAProxy reloaded; re-applying the rollout's weights and states</source>
        <translation>HAProxy가 다시 로드되었습니다. 롤아웃의 가중치와 상태를 다시 적용합니다</translation>
    </message>
    <message>
        <source>"%1" was interrupted before it reported; it runs again</source>
        <translation>"%1"이(가) 결과를 보고하기 전에 중단되었습니다. 다시 실행합니다</translation>
    </message>
    <message>
        <source>Cannot reconcile with HAProxy after a restart: %1. Resume when HAProxy answers.</source>
        <translation>재시작 후 HAProxy와 상태를 맞추지 못했습니다: %1. HAProxy가 응답하면 재개하십시오.</translation>
    </message>
    <message>
        <source>engine started; HAProxy matches the recorded state; going on</source>
        <translation>엔진 시작됨. HAProxy가 기록된 상태와 일치하므로 계속합니다</translation>
    </message>
    <message>
        <source>HAProxy differs from the recorded state and re-applying it failed: %1</source>
        <translation>HAProxy가 기록된 상태와 다르고 다시 적용하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>engine started; HAProxy differed on %1 server(s) (a reload?); re-applied the recorded weights and states</source>
        <translation>엔진 시작됨. HAProxy의 서버 %1개가 기록과 달라(다시 로드되었습니까?) 기록된 가중치와 상태를 다시 적용했습니다</translation>
    </message>
    <message>
        <source>unknown action "%1"</source>
        <translation>알 수 없는 작업 "%1"</translation>
    </message>
    <message>
        <source>rollout #%1 is not the latest rollout</source>
        <translation>롤아웃 #%1은(는) 최신 롤아웃이 아닙니다</translation>
    </message>
    <message>
        <source>paused by %1</source>
        <translation>%1이(가) 일시 정지함</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>rollout #%1 paused</source>
        <translation>롤아웃 #%1 일시 정지됨</translation>
    </message>
    <message>
        <source>resumed by %1</source>
        <translation>%1이(가) 재개함</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>rollout #%1 resumed</source>
        <translation>롤아웃 #%1 재개됨</translation>
    </message>
    <message>
        <source>promote --full skips the remaining steps: give a --reason</source>
        <translation>promote --full은 남은 단계를 건너뜁니다: --reason을 지정하십시오</translation>
    </message>
    <message>
        <source>promoted by %1</source>
        <translation>%1이(가) 승격함</translation>
    </message>
    <message>
        <source>skipped by promote --full (%1)</source>
        <translation>promote --full로 건너뜀(%1)</translation>
    </message>
    <message>
        <source>skipped by promote (%1)</source>
        <translation>promote로 건너뜀(%1)</translation>
    </message>
    <message>
        <source>nothing to promote: no step is waiting or left</source>
        <translation>승격할 것이 없습니다: 대기 중이거나 남은 단계가 없습니다</translation>
    </message>
    <message>
        <source>promoted to 100 % by %1</source>
        <translation>%1이(가) 100 %로 승격함</translation>
    </message>
    <message>
        <source>promote --full</source>
        <translation>promote --full</translation>
    </message>
    <message>
        <source>promote</source>
        <translation>승격</translation>
    </message>
    <message>
        <source>skipped by rollback (%1)</source>
        <translation>롤백으로 건너뜀(%1)</translation>
    </message>
    <message>
        <source>skipped by abort (%1)</source>
        <translation>중단으로 건너뜀(%1)</translation>
    </message>
    <message>
        <source>rolling back (%1)</source>
        <translation>롤백 중(%1)</translation>
    </message>
    <message>
        <source>aborting (%1)</source>
        <translation>중단 중(%1)</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>롤백</translation>
    </message>
    <message>
        <source>abort</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>rolling back rollout #%1</source>
        <translation>롤아웃 #%1 롤백 중</translation>
    </message>
    <message>
        <source>rollout #%1 aborted</source>
        <translation>롤아웃 #%1 중단됨</translation>
    </message>
    <message>
        <source>rolling back: redeploying %1 on %2 slot(s), %3 at a time; about %4 s</source>
        <translation>롤백 중: 슬롯 %2개에 %1을(를) 한 번에 %3개씩 다시 배포합니다. 약 %4 s</translation>
    </message>
    <message>
        <source>a version is required</source>
        <translation>버전이 필요합니다</translation>
    </message>
    <message>
        <source>unknown strategy "%1"</source>
        <translation>알 수 없는 전략 "%1"</translation>
    </message>
    <message>
        <source>%1 takes the service down while every slot is replaced; confirm with --accept-downtime</source>
        <translation>%1은(는) 모든 슬롯을 교체하는 동안 서비스를 중단합니다. --accept-downtime으로 확인하십시오</translation>
    </message>
    <message>
        <source>cannot read HAProxy's state: %1</source>
        <translation>HAProxy 상태를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>HAProxy has no server %1/%2 (named in the environment file)</source>
        <translation>HAProxy에 서버 %1/%2가 없습니다(환경 파일에 지정됨)</translation>
    </message>
    <message>
        <source>no slot of %1 serves traffic: nothing to roll out from</source>
        <translation>%1의 어떤 슬롯도 트래픽을 처리하지 않습니다: 롤아웃을 시작할 기준이 없습니다</translation>
    </message>
    <message>
        <source>%1 already serves %2</source>
        <translation>%1이(가) 이미 %2을(를) 서비스하고 있습니다</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>retry of #%1: %2 %3 -&gt; %4</source>
        <translation>#%1 재시도: %2 %3 -&gt; %4</translation>
    </message>
    <message>
        <source>start: %1 %2 -&gt; %3</source>
        <translation>시작: %1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>rollout #%1 started: %2 %3 -&gt; %4 (%5 -&gt; %6)</source>
        <translation>롤아웃 #%1 시작됨: %2 %3 -&gt; %4(%5 -&gt; %6)</translation>
    </message>
    <message>
        <source>completed: %1 serves %2</source>
        <translation>완료됨: %1이(가) %2을(를) 서비스합니다</translation>
    </message>
    <message>
        <source>aborted: traffic on %1 (%2); %3 kept for inspection (rollback removes it, retry tries again)</source>
        <translation>중단됨: 트래픽은 %1(%2)에 있습니다. %3은(는) 조사를 위해 남겨 두었습니다(롤백하면 제거되고, 재시도하면 다시 시도합니다)</translation>
    </message>
    <message>
        <source>rolled back: %1 serves %2</source>
        <translation>롤백됨: %1이(가) %2을(를) 서비스합니다</translation>
    </message>
    <message>
        <source>analysis passed: %1</source>
        <translation>분석 통과: %1</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3 %) waits at a gate: greenlightctl rollout promote --env %4</source>
        <translation>%1/%2단계(%3 %)가 게이트에서 대기 중입니다: greenlightctl rollout promote --env %4</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3 %) waits until the analysis passes: greenlightctl analysis show --env %4 --rollout %5</source>
        <translation>%2단계 중 %1단계(%3 %)가 분석이 통과하기를 기다립니다: greenlightctl analysis show --env %4 --rollout %5</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3 %) waits for analysis, but none runs (no analysis: section, or not a canary share): promote when satisfied</source>
        <translation>%2단계 중 %1단계(%3 %)가 분석을 기다리지만 실행 중인 분석이 없습니다(analysis: 섹션이 없거나 카나리 비율이 아님). 확인되면 승격하십시오</translation>
    </message>
    <message>
        <source>waited %1</source>
        <translation>%1 대기함</translation>
    </message>
    <message>
        <source>HAProxy did not apply "%1": %2</source>
        <translation>HAProxy가 "%1"을(를) 적용하지 않았습니다: %2</translation>
    </message>
    <message>
        <source>HAProxy applied "%1" but its report could not be read: %2</source>
        <translation>HAProxy가 "%1"을(를) 적용했지만 보고 내용을 읽지 못했습니다: %2</translation>
    </message>
    <message>
        <source>HAProxy does not report server %1/%2</source>
        <translation>HAProxy가 서버 %1/%2를 보고하지 않습니다</translation>
    </message>
    <message>
        <source>HAProxy reports %1/%2 at weight %3 after setting %4</source>
        <translation>%4(으)로 설정한 후 HAProxy가 %1/%2의 가중치를 %3(으)로 보고합니다</translation>
    </message>
    <message>
        <source>HAProxy reports %1/%2 not in state %3 after setting it</source>
        <translation>%3 상태로 설정한 후 HAProxy가 %1/%2를 그 상태가 아니라고 보고합니다</translation>
    </message>
    <message>
        <source>applied and verified</source>
        <translation>적용 및 확인 완료</translation>
    </message>
    <message>
        <source>cannot read HAProxy's state while waiting (%1): %2</source>
        <translation>대기 중에 HAProxy 상태를 읽을 수 없습니다(%1): %2</translation>
    </message>
    <message>
        <source>%1 (not reported)</source>
        <translation>%1(보고 없음)</translation>
    </message>
    <message>
        <source>%1 (%2, check %3)</source>
        <translation>%1(%2, 체크 %3)</translation>
    </message>
    <message>
        <source>%1 (%2 sessions, %3 queued)</source>
        <translation>%1(세션 %2개, 대기열 %3개)</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>드레인됨</translation>
    </message>
    <message>
        <source>still busy after %1: %2; going on (maintenance lets in-flight requests finish)</source>
        <translation>%1 후에도 사용 중: %2. 계속합니다(maintenance 상태에서는 처리 중인 요청이 끝날 수 있습니다)</translation>
    </message>
    <message>
        <source>timed out after %1; went on</source>
        <translation>%1 후 시간 초과. 계속 진행함</translation>
    </message>
    <message>
        <source>not healthy after %1: %2</source>
        <translation>%1 후에도 정상이 아님: %2</translation>
    </message>
    <message>
        <source>%1 (actual %2 %)</source>
        <translation>%1(실제 %2 %)</translation>
    </message>
    <message>
        <source>%1: HAProxy reports the new weights (new version at %2 %)</source>
        <translation>%1: HAProxy가 새 가중치를 보고합니다(새 버전 %2 %)</translation>
    </message>
    <message>
        <source>resume retries it; abort or rollback brings traffic back to %1</source>
        <translation>재개하면 다시 시도합니다. 중단하거나 롤백하면 트래픽이 %1(으)로 돌아갑니다</translation>
    </message>
    <message>
        <source>resume retries it</source>
        <translation>재개하면 다시 시도합니다</translation>
    </message>
    <message>
        <source>held: %1 (%2)</source>
        <translation>보류됨: %1(%2)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>no analysis evaluation completed for %1</source>
        <translation>%1 동안 완료된 분석 평가가 없습니다</translation>
    </message>
    <message>
        <source>the analysis cannot run: %1; an analysis step waits like a gate (promote or roll back)</source>
        <translation>분석을 실행할 수 없습니다: %1. 분석 단계는 게이트처럼 기다립니다(승격하거나 롤백하십시오)</translation>
    </message>
    <message>
        <source>analysis run #%1 started: %2 at %3 % against %4 (greenlightctl analysis show --env %5 --rollout %6)</source>
        <translation>분석 실행 #%1 시작: %3 %의 %2을(를) %4와(과) 비교(greenlightctl analysis show --env %5 --rollout %6)</translation>
    </message>
    <message>
        <source>analysis failed at %1 %: %2; rolling back</source>
        <translation>%1 %에서 분석 실패: %2. 롤백합니다</translation>
    </message>
    <message>
        <source>analysis passed at %1 %; going on</source>
        <translation>%1 %에서 분석 통과. 계속 진행합니다</translation>
    </message>
    <message>
        <source>analysis passed at %1 %: %2; step %3 of %4 goes on</source>
        <translation>%1 %에서 분석 통과: %2. %4단계 중 %3단계를 계속합니다</translation>
    </message>
    <message>
        <source>held: the analysis asked for a rollback (%1) but it could not be queued: %2</source>
        <translation>보류됨: 분석이 롤백을 요청했지만(%1) 대기열에 넣지 못했습니다: %2</translation>
    </message>
    <message>
        <source>analysis inconclusive at %1 %: %2; inconclusive_policy is rollback: rolling back</source>
        <translation>%1 %에서 분석 판단 불가: %2. inconclusive_policy가 rollback이므로 롤백합니다</translation>
    </message>
    <message>
        <source>analysis inconclusive: %1</source>
        <translation>분석 판단 불가: %1</translation>
    </message>
    <message>
        <source>analysis inconclusive at %1 %: %2; the rollout already waits for a person</source>
        <translation>%1 %에서 분석 판단 불가: %2. 롤아웃이 이미 사람의 결정을 기다리고 있습니다</translation>
    </message>
    <message>
        <source>held by analysis at %1 % (never promoted on an inconclusive analysis): %2; resume runs the analysis again, promote after it, rollback brings traffic back to %3</source>
        <translation>%1 %에서 분석에 의해 보류됨(판단 불가한 분석으로는 절대 승격하지 않음): %2. 재개하면 분석을 다시 실행하고, 그 뒤에 승격할 수 있으며, 롤백하면 트래픽이 %3(으)로 돌아갑니다</translation>
    </message>
    <message>
        <source>the audit log cannot be opened: %1; actions are not audited</source>
        <translation>감사 로그를 열 수 없습니다: %1. 작업이 감사 기록되지 않습니다</translation>
    </message>
    <message>
        <source>promoted by %1 past a satisfied approval gate</source>
        <translation>%1이(가) 충족된 승인 게이트를 지나 승격함</translation>
    </message>
    <message>
        <source>refused: the approvals cannot be read: %1</source>
        <translation>거부됨: 승인을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>거부됨: %1</translation>
    </message>
    <message>
        <source>refused: %1 (a signed decision for this start names rollout %2: greenlightctl approve --env %3 --rollout %2 ...)</source>
        <translation>거부됨: %1(이 시작에 대한 서명된 결정은 롤아웃 %2을(를) 지정해야 합니다: greenlightctl approve --env %3 --rollout %2 ...)</translation>
    </message>
    <message>
        <source>not in the audit log: %1 (%2)</source>
        <translation>감사 로그에 없음: %1(%2)</translation>
    </message>
    <message>
        <source>waits before %1: the approvals cannot be read (%2)</source>
        <translation>%1 전에 대기: 승인을 읽을 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>waits before %1: approved, but the audit log cannot record it</source>
        <translation>%1 전에 대기: 승인되었지만 감사 로그에 기록할 수 없습니다</translation>
    </message>
    <message>
        <source>approvals satisfied before %1</source>
        <translation>%1 전 승인 충족</translation>
    </message>
    <message>
        <source>approval gate satisfied before %1: approved by %2</source>
        <translation>%1 전 승인 게이트 충족: %2이(가) 승인함</translation>
    </message>
    <message>
        <source>approvals satisfied before %1; going on</source>
        <translation>%1 전 승인 충족. 계속 진행합니다</translation>
    </message>
    <message>
        <source>approved by %1; going on</source>
        <translation>%1이(가) 승인함. 계속 진행합니다</translation>
    </message>
    <message>
        <source>waits before %1: the audit log cannot record the gate</source>
        <translation>%1 전에 대기: 감사 로그에 게이트를 기록할 수 없습니다</translation>
    </message>
    <message>
        <source>waits at an approval gate before %1: %2</source>
        <translation>%1 전 승인 게이트에서 대기: %2</translation>
    </message>
    <message>
        <source>waits before %1 at %2: %3 (greenlightctl approve --env %4 --rollout %5 --gate %6)</source>
        <translation>%1 전 %2에서 대기: %3(greenlightctl approve --env %4 --rollout %5 --gate %6)</translation>
    </message>
    <message>
        <source>waits before %1: %2 (it goes on when the window opens, or with an override: greenlightctl approve --env %3 --rollout %4 --override --input reason=...)</source>
        <translation>%1 전에 대기: %2(변경 허용 시간대가 열리거나 예외 승인이 있으면 계속됩니다: greenlightctl approve --env %3 --rollout %4 --override --input reason=...)</translation>
    </message>
    <message>
        <source>waits before %1: %2</source>
        <translation>%1 전에 대기: %2</translation>
    </message>
    <message>
        <source>approval gate %1 timed out before %2: %3; rolling back</source>
        <translation>%2 전 승인 게이트 %1 시간 초과: %3. 롤백합니다</translation>
    </message>
    <message>
        <source>approval gate %1 rejected before %2: %3; rolling back</source>
        <translation>%2 전 승인 게이트 %1 거부됨: %3. 롤백합니다</translation>
    </message>
    <message>
        <source>held: an approval gate was rejected (%1) but the rollback could not be queued: %2</source>
        <translation>보류됨: 승인 게이트가 거부되었지만(%1) 롤백을 대기열에 넣지 못했습니다: %2</translation>
    </message>
    <message>
        <source>refused before %1: %2</source>
        <translation>%1 전에 거부됨: %2</translation>
    </message>
    <message>
        <source>%1; carried out all the same: it only stops traffic or returns it to the stable version</source>
        <translation>%1. 그래도 실행했습니다: 트래픽을 멈추거나 안정 버전으로 되돌리기만 합니다</translation>
    </message>
    <message>
        <source>the environment file no longer configures approvals; going on</source>
        <translation>환경 파일에 더 이상 승인 설정이 없습니다. 계속 진행합니다</translation>
    </message>
    <message>
        <source>This process stopped driving %1: %2</source>
        <translation>이 프로세스는 %1 구동을 멈췄습니다: %2</translation>
    </message>
</context>
<context>
    <name>gl::RolloutExpectation</name>
    <message>
        <source>the action's expectation is malformed: "%1" must be a whole number from %2 to %3</source>
        <translation>작업의 기대 상태가 잘못되었습니다: "%1"은(는) %2에서 %3 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>아직 시작 전</translation>
    </message>
    <message>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>paused by an operator</source>
        <translation>운영자가 일시 중지함</translation>
    </message>
    <message>
        <source>waiting for the analysis</source>
        <translation>분석 대기 중</translation>
    </message>
    <message>
        <source>waiting for a promote</source>
        <translation>승격 대기 중</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>승인 대기 중</translation>
    </message>
    <message>
        <source>waiting at gate %1</source>
        <translation>게이트 %1에서 대기 중</translation>
    </message>
    <message>
        <source>waiting at gates %1</source>
        <translation>게이트 %1에서 대기 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>held after a failure</source>
        <translation>실패 후 보류됨</translation>
    </message>
    <message>
        <source>aborting</source>
        <translation>중단 중</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>롤백 중</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>롤백됨</translation>
    </message>
    <message>
        <source>the action's expectation is malformed: not an object</source>
        <translation>작업의 기대 상태가 잘못되었습니다: 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the action's expectation is malformed: unknown field "%1"</source>
        <translation>작업의 기대 상태가 잘못되었습니다: 알 수 없는 필드 "%1"</translation>
    </message>
    <message>
        <source>the action's expectation is malformed: unknown state "%1"</source>
        <translation>작업의 기대 상태가 잘못되었습니다: 알 수 없는 상태 "%1"</translation>
    </message>
    <message>
        <source>the action's expectation is malformed: unknown pause reason "%1"</source>
        <translation>작업의 기대 상태가 잘못되었습니다: 알 수 없는 일시 중지 사유 "%1"</translation>
    </message>
    <message>
        <source>the start (%1, %2)</source>
        <translation>시작 전(%1, %2)</translation>
    </message>
    <message>
        <source>step %1 (%2, %3)</source>
        <translation>%1단계(%2, %3)</translation>
    </message>
    <message>
        <source>rollout #%1 is no longer the latest: #%2 is, at %3</source>
        <translation>롤아웃 #%1은(는) 더 이상 최신이 아닙니다: 최신은 #%2이며 %3에 있습니다</translation>
    </message>
    <message>
        <source>the rollout moved to %1 since you confirmed</source>
        <translation>확인한 뒤 롤아웃이 %1(으)로 이동했습니다</translation>
    </message>
    <message>
        <source>the rollout changed since you confirmed (revision %1, not %2): it is at %3</source>
        <translation>확인한 뒤 롤아웃이 바뀌었습니다(리비전 %2이(가) 아니라 %1): 지금 %3에 있습니다</translation>
    </message>
    <message>
        <source>the rollout changed since you confirmed: it is now at %1</source>
        <translation>확인한 뒤 롤아웃이 바뀌었습니다: 지금 %1에 있습니다</translation>
    </message>
</context>
<context>
    <name>gl::RolloutPlanner</name>
    <message>
        <source>No slot serves traffic: there is no stable colour to start from.</source>
        <translation>트래픽을 처리하는 슬롯이 없습니다: 시작할 안정 색이 없습니다.</translation>
    </message>
    <message>
        <source>The %1 colour has no slot for the canary.</source>
        <translation>%1 색에 카나리용 슬롯이 없습니다.</translation>
    </message>
    <message>
        <source>step %1: 100 % to %2</source>
        <translation>%1단계: %2에 100 %</translation>
    </message>
    <message>
        <source>step %1: %2 % to %3 (weights %4 new, %5 stable)</source>
        <translation>%1단계: %3에 %2 %(가중치 새 버전 %4, 안정 버전 %5)</translation>
    </message>
    <message>
        <source>step %1: pause (%2)</source>
        <translation>%1단계: 일시 정지(%2)</translation>
    </message>
    <message>
        <source>keep %1 running for %2</source>
        <translation>%1을(를) %2 동안 계속 실행</translation>
    </message>
    <message>
        <source>The %1 colour has no slot.</source>
        <translation>%1 색에 슬롯이 없습니다.</translation>
    </message>
    <message>
        <source>switch all traffic to %1 (%2)</source>
        <translation>모든 트래픽을 %1(%2)(으)로 전환</translation>
    </message>
    <message>
        <source>keep %1 running for %2 (rollback is instant)</source>
        <translation>%1을(를) %2 동안 계속 실행(즉시 롤백 가능)</translation>
    </message>
    <message>
        <source>A rolling deployment needs at least 2 serving slots (one keeps serving); use blue-green.</source>
        <translation>롤링 배포에는 서비스 중인 슬롯이 2개 이상 필요합니다(하나는 계속 서비스). blue-green을 쓰십시오.</translation>
    </message>
    <message>
        <source>all traffic back to %1 (%2)</source>
        <translation>모든 트래픽을 %1(%2)(으)로 되돌림</translation>
    </message>
    <message>
        <source>give %1 traffic again (still %2)</source>
        <translation>%1에 트래픽 다시 보내기(아직 %2)</translation>
    </message>
    <message>
        <source>deploy %1 to %2</source>
        <translation>%2에 %1 배포</translation>
    </message>
    <message>
        <source>undeploy %1</source>
        <translation>%1 배포 해제</translation>
    </message>
    <message>
        <source>wait until %1 pass the health check</source>
        <translation>%1이(가) 헬스 체크를 통과할 때까지 대기</translation>
    </message>
    <message>
        <source>wait until %1 have no session and no queue</source>
        <translation>%1에 세션과 대기열이 없어질 때까지 대기</translation>
    </message>
    <message>
        <source>enable %1 with weight 0</source>
        <translation>%1을(를) 가중치 0으로 활성화</translation>
    </message>
    <message>
        <source>drain %1</source>
        <translation>%1 드레인</translation>
    </message>
    <message>
        <source>put %1 in maintenance</source>
        <translation>%1을(를) maintenance 상태로 전환</translation>
    </message>
    <message>
        <source>give %1 traffic again</source>
        <translation>%1에 트래픽 다시 보내기</translation>
    </message>
    <message>
        <source>The stored rollout plan is damaged.</source>
        <translation>저장된 롤아웃 계획이 손상되었습니다.</translation>
    </message>
</context>
<context>
    <name>gl::RolloutSession</name>
    <message>
        <source>pid %1 on %2</source>
        <translation>%2의 PID %1</translation>
    </message>
    <message>
        <source>The environment's state database is not open.</source>
        <translation>환경의 상태 데이터베이스가 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Waiting at gate %1: %2 of %3 approvals</source>
        <translation>게이트 %1에서 대기 중: 승인 %3건 중 %2건</translation>
    </message>
</context>
<context>
    <name>gl::RolloutStateMachine</name>
    <message>
        <source>another rollout is %1; finish, abort or roll it back first</source>
        <translation>다른 롤아웃이 %1 상태입니다. 먼저 완료하거나 중단하거나 롤백하십시오</translation>
    </message>
    <message>
        <source>there is no rollout in this environment</source>
        <translation>이 환경에는 롤아웃이 없습니다</translation>
    </message>
    <message>
        <source>the rollout has not started yet (no engine has picked it up)</source>
        <translation>롤아웃이 아직 시작되지 않았습니다(이를 맡은 엔진이 없습니다)</translation>
    </message>
    <message>
        <source>only an aborted or rolled-back rollout can be retried (this one is %1)</source>
        <translation>중단되거나 롤백된 롤아웃만 재시도할 수 있습니다(이 롤아웃은 %1 상태)</translation>
    </message>
    <message>
        <source>the rollout is already paused</source>
        <translation>롤아웃이 이미 일시 정지되어 있습니다</translation>
    </message>
    <message>
        <source>only a running rollout can be paused (this one is %1)</source>
        <translation>진행 중인 롤아웃만 일시 정지할 수 있습니다(이 롤아웃은 %1 상태)</translation>
    </message>
    <message>
        <source>the rollout waits at a step gate: promote it to go on</source>
        <translation>롤아웃이 단계 게이트에서 기다리고 있습니다. 계속하려면 승격하십시오</translation>
    </message>
    <message>
        <source>only a paused or held rollout can be resumed (this one is %1)</source>
        <translation>일시 정지되었거나 보류된 롤아웃만 재개할 수 있습니다(이 롤아웃은 %1 상태)</translation>
    </message>
    <message>
        <source>the rollout is going back to the stable version; it cannot be promoted</source>
        <translation>롤아웃이 안정 버전으로 되돌아가는 중이므로 승격할 수 없습니다</translation>
    </message>
    <message>
        <source>the rollout was paused by an operator: resume it first</source>
        <translation>운영자가 롤아웃을 일시 정지했습니다. 먼저 재개하십시오</translation>
    </message>
    <message>
        <source>only a running or waiting rollout can be promoted (this one is %1)</source>
        <translation>진행 중이거나 대기 중인 롤아웃만 승격할 수 있습니다(이 롤아웃은 %1 상태)</translation>
    </message>
    <message>
        <source>the previous version is already being undeployed; start a new rollout to go back</source>
        <translation>이전 버전을 이미 배포 해제하고 있습니다. 되돌리려면 새 롤아웃을 시작하십시오</translation>
    </message>
    <message>
        <source>the rollout is already %1</source>
        <translation>롤아웃이 이미 %1 상태입니다</translation>
    </message>
    <message>
        <source>a %1 rollout cannot be aborted</source>
        <translation>%1 상태의 롤아웃은 중단할 수 없습니다</translation>
    </message>
    <message>
        <source>a %1 rollout cannot be rolled back</source>
        <translation>%1 상태의 롤아웃은 롤백할 수 없습니다</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation>알 수 없는 작업</translation>
    </message>
</context>
<context>
    <name>gl::RolloutStore</name>
    <message>
        <source>The state database holds an unknown operation %1.</source>
        <translation>상태 데이터베이스에 알 수 없는 작업 %1이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The state database did not store the operations.</source>
        <translation>상태 데이터베이스가 작업을 저장하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>gl::RunbookLibrary</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>duplicate id "%1", already imported from %2; this file was skipped</source>
        <translation>중복된 id "%1": 이미 %2에서 가져왔으므로 이 파일은 건너뛰었습니다</translation>
    </message>
    <message>
        <source>There is no runbook "%1" in the library.</source>
        <translation>라이브러리에 런북 "%1"이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The library has no version %1 of runbook "%2".</source>
        <translation>라이브러리에 런북 "%2"의 버전 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The stored copy of runbook "%1" no longer parses.</source>
        <translation>저장된 런북 "%1" 사본을 더 이상 해석할 수 없습니다.</translation>
    </message>
    <message>
        <source>The audit log refused the event, so it was not recorded: %1</source>
        <translation>감사 로그가 이벤트를 거부하여 기록되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>The sync was cancelled; nothing was changed.</source>
        <translation>동기화가 취소되었습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>gl::RunbookParser</name>
    <message>
        <source>not valid UTF-8</source>
        <translation>올바른 UTF-8이 아닙니다</translation>
    </message>
    <message>
        <source>missing: the file must start with a '---' line followed by YAML (id, title, ...) and a closing '---' line</source>
        <translation>없음: 파일은 '---' 줄로 시작하고, 이어서 YAML(id, title, ...)과 닫는 '---' 줄이 와야 합니다</translation>
    </message>
    <message>
        <source>not closed: add a '---' line after the YAML</source>
        <translation>닫히지 않음: YAML 다음에 '---' 줄을 추가하십시오</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>올바른 YAML이 아닙니다: %1</translation>
    </message>
    <message>
        <source>expected a mapping of id, title, ...</source>
        <translation>id, title, ...의 매핑이 와야 합니다</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>알 수 없는 키(가능한 키: %1)</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>중복된 키</translation>
    </message>
    <message>
        <source>use lowercase letters, digits, '.', '_' and '-' (got "%1")</source>
        <translation>영문 소문자, 숫자, '.', '_', '-'만 쓰십시오(입력: "%1")</translation>
    </message>
    <message>
        <source>unexpected YAML structure: %1</source>
        <translation>예상하지 못한 YAML 구조: %1</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>필수 필드가 없습니다</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>텍스트가 와야 합니다</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a duration such as 15m, 1h30m or 45s (got "%1")</source>
        <translation>15m, 1h30m, 45s 같은 기간이 와야 합니다(입력: "%1")</translation>
    </message>
    <message>
        <source>this code block is not closed</source>
        <translation>이 코드 블록이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>no steps: write each step as a second-level heading ("## Drain the node")</source>
        <translation>단계가 없습니다: 각 단계를 2단계 제목으로 쓰십시오("## 노드 드레인")</translation>
    </message>
    <message>
        <source>the heading has no text</source>
        <translation>제목에 텍스트가 없습니다</translation>
    </message>
    <message>
        <source>given twice</source>
        <translation>두 번 지정되었습니다</translation>
    </message>
    <message>
        <source>expected a duration such as 5m or 90s (got "%1")</source>
        <translation>5m, 90s 같은 기간이 와야 합니다(입력: "%1")</translation>
    </message>
    <message>
        <source>missing: add a line such as "Expected: 5m"</source>
        <translation>없음: "Expected: 5m" 같은 줄을 추가하십시오</translation>
    </message>
    <message>
        <source>missing: add a "Verify:" paragraph saying how to tell the step worked</source>
        <translation>없음: 단계가 성공했는지 확인하는 방법을 적은 "Verify:" 문단을 추가하십시오</translation>
    </message>
    <message>
        <source>missing: add an "Undo:" paragraph (write "Undo: nothing to undo" for a read-only step)</source>
        <translation>없음: "Undo:" 문단을 추가하십시오(읽기만 하는 단계라면 "Undo: nothing to undo"라고 쓰십시오)</translation>
    </message>
</context>
<context>
    <name>gl::RunbookSession</name>
    <message>
        <source>There is no step-through %1 to resume.</source>
        <translation>재개할 단계별 진행 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>There is no such checklist item.</source>
        <translation>그런 체크리스트 항목이 없습니다.</translation>
    </message>
    <message>
        <source>There is no such step.</source>
        <translation>그런 단계가 없습니다.</translation>
    </message>
    <message>
        <source>This step-through is already finished.</source>
        <translation>이 단계별 진행은 이미 끝났습니다.</translation>
    </message>
    <message>
        <source>A step is marked done, skipped or failed.</source>
        <translation>단계는 완료, 건너뜀, 실패 중 하나로 표시합니다.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>gl::SliConfig</name>
    <message>
        <source>expected total or consecutive, got "%1"</source>
        <translation>total 또는 consecutive가 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>expected hold or rollback (an inconclusive analysis never promotes), got "%1"</source>
        <translation>hold 또는 rollback이 와야 하는데 "%1"입니다(판단 불가인 분석은 절대 승격하지 않습니다)</translation>
    </message>
    <message>
        <source>expected a non-empty list of SLIs, e.g. [{name: errors, kind: error-ratio}]</source>
        <translation>[{name: errors, kind: error-ratio}] 같은 비어 있지 않은 SLI 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a non-empty list of rules, e.g. [{sli: errors, max: 0.01}]</source>
        <translation>[{sli: errors, max: 0.01}] 같은 비어 있지 않은 규칙 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>매핑이 와야 합니다</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>알 수 없는 키(가능한 키: %1)</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>중복된 키</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>문자열이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a duration such as 500ms, 30s, 2m or 1h</source>
        <translation>500ms, 30s, 2m, 1h 같은 기간이 와야 합니다</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>%1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>%1에서 %2 사이의 정수가 와야 합니다</translation>
    </message>
    <message>
        <source>expected a number such as 0.01 or 1%</source>
        <translation>0.01이나 1% 같은 숫자가 와야 합니다</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>숫자가 와야 합니다</translation>
    </message>
    <message>
        <source>must contain {version} (the query is run once for the new and once for the stable version)</source>
        <translation>{version}이 있어야 합니다(쿼리는 새 버전과 안정 버전에 대해 한 번씩 실행됩니다)</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (known: {version}, {window})</source>
        <translation>알 수 없는 자리 표시자 {%1}(사용 가능: {version}, {window})</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>필수 필드가 없습니다</translation>
    </message>
    <message>
        <source>duplicate SLI "%1"</source>
        <translation>중복된 SLI "%1"</translation>
    </message>
    <message>
        <source>expected error-ratio, p99-latency, request-rate or promql</source>
        <translation>error-ratio, p99-latency, request-rate, promql 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>a promql SLI needs a query with {version}</source>
        <translation>promql SLI에는 {version}이 들어간 쿼리가 필요합니다</translation>
    </message>
    <message>
        <source>no SLI named "%1" (known: %2)</source>
        <translation>"%1"(이)라는 SLI가 없습니다(사용 가능: %2)</translation>
    </message>
    <message>
        <source>a rule has exactly one of max, min, relative or burn_rate</source>
        <translation>규칙에는 max, min, relative, burn_rate 중 정확히 하나가 있어야 합니다</translation>
    </message>
    <message>
        <source>the factor must be above 0 (2 means: at most twice the stable version)</source>
        <translation>배수는 0보다 커야 합니다(2는 안정 버전의 최대 두 배를 뜻합니다)</translation>
    </message>
    <message>
        <source>only a relative rule has a floor</source>
        <translation>floor는 relative 규칙에만 있습니다</translation>
    </message>
    <message>
        <source>an SLO target is between 0 and 1 (0.999 or 99.9%)</source>
        <translation>SLO 목표는 0과 1 사이입니다(0.999 또는 99.9%)</translation>
    </message>
    <message>
        <source>a budget fraction is above 0 and at most 1 (0.2 or 20%)</source>
        <translation>예산 비율은 0보다 크고 1 이하입니다(0.2 또는 20%)</translation>
    </message>
    <message>
        <source>unknown SLI kind in a stored analysis</source>
        <translation>저장된 분석의 SLI 종류를 알 수 없습니다</translation>
    </message>
    <message>
        <source>unknown rule kind in a stored analysis</source>
        <translation>저장된 분석의 규칙 종류를 알 수 없습니다</translation>
    </message>
</context>
<context>
    <name>gl::SliFeed</name>
    <message>
        <source>Error ratio</source>
        <translation>오류율</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99 지연 시간</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>처리량</translation>
    </message>
</context>
<context>
    <name>gl::StateStore</name>
    <message>
        <source>The state database has no value for %1.</source>
        <translation>상태 데이터베이스에 %1 값이 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::StrategyConfig</name>
    <message>
        <source>unknown strategy in a stored rollout</source>
        <translation>저장된 롤아웃의 전략을 알 수 없습니다</translation>
    </message>
    <message>
        <source>a canary needs at least one step (100)</source>
        <translation>카나리에는 단계가 하나 이상 필요합니다(100)</translation>
    </message>
    <message>
        <source>step %1 %: a step is a percentage from 1 to 100</source>
        <translation>%1번째 단계 %: 단계는 1에서 100 사이의 백분율입니다</translation>
    </message>
    <message>
        <source>step %1 % after %2 %: steps must increase</source>
        <translation>%2 % 다음의 %1 % 단계: 단계는 증가해야 합니다</translation>
    </message>
    <message>
        <source>the last step must be 100 %, not %1 %</source>
        <translation>마지막 단계는 %1 %가 아니라 100 %여야 합니다</translation>
    </message>
    <message>
        <source>"%1" is not a step percentage</source>
        <translation>"%1"은(는) 단계 백분율이 아닙니다</translation>
    </message>
    <message>
        <source>"%1": a pause is none, gate, analysis or a duration such as 30s</source>
        <translation>"%1": 일시 정지는 none, gate, analysis 또는 30s 같은 기간이어야 합니다</translation>
    </message>
    <message>
        <source>expected canary, blue-green, rolling or recreate</source>
        <translation>canary, blue-green, rolling, recreate 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>매핑이 와야 합니다</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>알 수 없는 키(가능한 키: %1)</translation>
    </message>
    <message>
        <source>expected a duration such as 500ms, 30s, 2m or 1h</source>
        <translation>500ms, 30s, 2m, 1h 같은 기간이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>%1에서 %2 사이의 정수가 와야 합니다</translation>
    </message>
    <message>
        <source>expected none, gate, analysis or a duration such as 30s</source>
        <translation>none, gate, analysis 또는 30s 같은 기간이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a list of percentages, e.g. [5, 25, 50, 100]</source>
        <translation>[5, 25, 50, 100] 같은 백분율 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a percentage from 1 to 100</source>
        <translation>1에서 100 사이의 백분율이 와야 합니다</translation>
    </message>
</context>
<context>
    <name>gl::VerdictTracker</name>
    <message>
        <source>no evaluation yet</source>
        <translation>아직 평가 없음</translation>
    </message>
    <message>
        <source>inconclusive: Prometheus has not answered for %1 s: %2</source>
        <translation>판단 불가: Prometheus가 %1 s 동안 응답하지 않았습니다: %2</translation>
    </message>
    <message>
        <source>no verdict: Prometheus did not answer: %1</source>
        <translation>판정 없음: Prometheus가 응답하지 않았습니다: %1</translation>
    </message>
    <message>
        <source>failed: failed measurement %1 of the %2 allowed: %3</source>
        <translation>실패: 실패한 측정 %1회(허용 %2회): %3</translation>
    </message>
    <message>
        <source>failing: failed measurement %1 of the %2 allowed: %3</source>
        <translation>실패 중: 실패한 측정 %1회(허용 %2회): %3</translation>
    </message>
    <message>
        <source>passed: %1 passing measurements in a row (failed so far: %2 of the %3 allowed)</source>
        <translation>통과: 연속 통과 측정 %1회(지금까지 실패: 허용 %3회 중 %2회)</translation>
    </message>
    <message>
        <source>passing: %1 of the %2 passing measurements in a row needed (failed so far: %3 of the %4 allowed)</source>
        <translation>통과 중: 필요한 연속 통과 측정 %2회 중 %1회(지금까지 실패: 허용 %4회 중 %3회)</translation>
    </message>
    <message>
        <source>inconclusive for %1 s: %2</source>
        <translation>%1 s 동안 판단 불가: %2</translation>
    </message>
    <message>
        <source>no verdict yet: %1</source>
        <translation>아직 판정 없음: %1</translation>
    </message>
</context>
<context>
    <name>gl::cli</name>
    <message>
        <source>Usage: greenlightctl &lt;command&gt; [options]</source>
        <translation>사용법: greenlightctl &lt;명령&gt; [옵션]</translation>
    </message>
    <message>
        <source>Greenlight's command line: the same core as the console, for scripts and CI gates.</source>
        <translation>그린라이트 명령줄: 콘솔과 같은 코어를 스크립트와 CI 게이트에서 씁니다.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>옵션:</translation>
    </message>
    <message>
        <source>Show help (after a command: that command's help).</source>
        <translation>도움말을 보입니다(명령 뒤에 쓰면 그 명령의 도움말).</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>버전을 보입니다.</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 error, 2 usage error, 3 rollout aborted or rolled back.</source>
        <translation>종료 코드: 0 성공, 1 오류, 2 사용법 오류, 3 롤아웃 중단 또는 롤백.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>알 수 없는 명령: %1</translation>
    </message>
    <message>
        <source>Show this command's help.</source>
        <translation>이 명령의 도움말을 보입니다.</translation>
    </message>
    <message>
        <source>env validate: --env FILE is required</source>
        <translation>env validate: --env FILE이 필요합니다</translation>
    </message>
    <message>
        <source>%1: ok (%2 slots, backend %3)</source>
        <translation>%1: 정상(슬롯 %2개, 백엔드 %3)</translation>
    </message>
    <message>
        <source>Check an environment file; print its errors with file, line and field.</source>
        <translation>환경 파일을 검사하고, 오류를 파일·줄·필드와 함께 출력합니다.</translation>
    </message>
    <message>
        <source>The environment file (YAML).</source>
        <translation>환경 파일(YAML).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>결과를 JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>값</translation>
    </message>
    <message>
        <source>THRESHOLD</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>%1: --env FILE is required</source>
        <translation>%1: --env FILE이 필요합니다</translation>
    </message>
    <message>
        <source>analysis show: --rollout expects a rollout number</source>
        <translation>analysis show: --rollout에는 롤아웃 번호를 지정해야 합니다</translation>
    </message>
    <message>
        <source>analysis show: --last expects a number of measurements</source>
        <translation>analysis show: --last에는 측정 횟수를 지정해야 합니다</translation>
    </message>
    <message>
        <source>Analysis %1: %2 against %3, started %4%5</source>
        <translation>분석 %1: %2 대 %3, %4 시작%5</translation>
    </message>
    <message>
        <source> (rollout %1)</source>
        <translation> (롤아웃 %1)</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>판정: %1</translation>
    </message>
    <message>
        <source>Failure limit: the analysis fails at failed measurement %1 (%2 counting).</source>
        <translation>실패 한도: 실패한 측정이 %1회가 되면 분석이 실패합니다(%2 방식으로 계산).</translation>
    </message>
    <message>
        <source>analysis check: --new VERSION is required</source>
        <translation>analysis check: --new VERSION이 필요합니다</translation>
    </message>
    <message>
        <source>%1 has no analysis section: using the default SLIs and rules.</source>
        <translation>%1에 analysis 섹션이 없습니다: 기본 SLI와 규칙을 사용합니다.</translation>
    </message>
    <message>
        <source>warning: measurements not stored: %1</source>
        <translation>경고: 측정을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>analysis check: no evaluation finished in time</source>
        <translation>analysis check: 제한 시간 안에 끝난 평가가 없습니다</translation>
    </message>
    <message>
        <source>Analysis of %1 against %2 (%3, window %4)</source>
        <translation>%1 대 %2 분석(%3, 윈도 %4)</translation>
    </message>
    <message>
        <source>Result: pass</source>
        <translation>결과: 통과</translation>
    </message>
    <message>
        <source>Result: fail (in a rollout, the analysis fails at failed measurement %1)</source>
        <translation>결과: 실패(롤아웃에서는 실패한 측정이 %1회가 되면 분석이 실패합니다)</translation>
    </message>
    <message>
        <source>Result: inconclusive (a rollout holds and asks a person; it never promotes)</source>
        <translation>결과: 판단 불가(롤아웃은 보류하고 사람에게 묻습니다. 절대 승격하지 않습니다)</translation>
    </message>
    <message>
        <source>Show an analysis: every measurement with its value, threshold and verdict.</source>
        <translation>분석을 보입니다: 모든 측정을 값, 임계값, 판정과 함께 보입니다.</translation>
    </message>
    <message>
        <source>The rollout whose latest analysis to show (default: the latest analysis).</source>
        <translation>최신 분석을 볼 롤아웃(기본값: 가장 최근 분석).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The analysis run to show.</source>
        <translation>볼 분석 실행.</translation>
    </message>
    <message>
        <source>Only the last N measurements.</source>
        <translation>마지막 N개 측정만 보입니다.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Evaluate every analysis rule once now (exit 0 pass, 3 fail or inconclusive).</source>
        <translation>모든 분석 규칙을 지금 한 번 평가합니다(종료 코드 0 통과, 3 실패 또는 판단 불가).</translation>
    </message>
    <message>
        <source>The new version.</source>
        <translation>새 버전.</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>The stable version to compare with.</source>
        <translation>비교할 안정 버전.</translation>
    </message>
    <message>
        <source>Do not store the measurements in the state database.</source>
        <translation>측정을 상태 데이터베이스에 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>Whose key (default: $GREENLIGHT_PERSON or the login name).</source>
        <translation>누구의 키인지(기본값: $GREENLIGHT_PERSON 또는 로그인 이름).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Created a new Ed25519 key pair for %1; the private key is in the keychain. Add this line to the approvers list of each environment you approve for:</source>
        <translation>%1의 새 Ed25519 키 쌍을 만들었습니다. 개인 키는 키체인에 있습니다. 승인을 맡은 각 환경의 승인자 목록에 다음 줄을 추가하십시오:</translation>
    </message>
    <message>
        <source>Who are you? Set --person or GREENLIGHT_PERSON.</source>
        <translation>사용자를 알 수 없습니다. --person 또는 GREENLIGHT_PERSON을 설정하십시오.</translation>
    </message>
    <message>
        <source>%1 has no key yet; run: greenlightctl identity create</source>
        <translation>%1에게 아직 키가 없습니다. 다음을 실행하십시오: greenlightctl identity create</translation>
    </message>
    <message>
        <source>warning: audit checkpoints are written unsigned: %1</source>
        <translation>경고: 감사 체크포인트를 서명 없이 씁니다: %1</translation>
    </message>
    <message>
        <source>warning: no audit checkpoint was written: %1</source>
        <translation>경고: 감사 체크포인트를 쓰지 않았습니다: %1</translation>
    </message>
    <message>
        <source>approve: --env FILE, --rollout ID and --gate G (or --override / --block) are required; --reject, --override and --block exclude each other</source>
        <translation>approve: --env FILE, --rollout ID, --gate G(또는 --override / --block)가 필요합니다. --reject, --override, --block은 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>approve: --input expects key=value, got "%1"</source>
        <translation>approve: --input에는 key=value가 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>approve: an override or a block needs --input reason=...</source>
        <translation>approve: 예외 승인이나 차단에는 --input reason=...이 필요합니다</translation>
    </message>
    <message>
        <source>%1 has no gate named "%2".</source>
        <translation>%1에 "%2"(이)라는 게이트가 없습니다.</translation>
    </message>
    <message>
        <source>Recorded: %1 %2 gate %3 of rollout %4 (audit seq %5).</source>
        <translation>기록됨: %1 %2, 롤아웃 %4의 게이트 %3(감사 seq %5).</translation>
    </message>
    <message>
        <source>approvals import: --env FILE and one TOKEN are required</source>
        <translation>approvals import: --env FILE과 TOKEN 하나가 필요합니다</translation>
    </message>
    <message>
        <source>Imported and verified: %1 %2 gate %3 of rollout %4 at %5 (signature ok).</source>
        <translation>가져와서 검증함: %1 %2, 롤아웃 %4의 게이트 %3, %5(서명 정상).</translation>
    </message>
    <message>
        <source>Print your public key as a line for the approvers list.</source>
        <translation>공개 키를 승인자 목록용 한 줄로 출력합니다.</translation>
    </message>
    <message>
        <source>Create your Ed25519 key pair in the keychain (if missing) and print your public key.</source>
        <translation>키체인에 Ed25519 키 쌍을 만들고(없는 경우) 공개 키를 출력합니다.</translation>
    </message>
    <message>
        <source>Sign a decision on a gate; record it, or print it as a token with --export.</source>
        <translation>게이트에 대한 결정에 서명하고 기록합니다. --export를 쓰면 토큰으로 출력합니다.</translation>
    </message>
    <message>
        <source>The rollout id.</source>
        <translation>롤아웃 ID.</translation>
    </message>
    <message>
        <source>The gate's name.</source>
        <translation>게이트 이름.</translation>
    </message>
    <message>
        <source>GATE</source>
        <translation>GATE</translation>
    </message>
    <message>
        <source>Reject instead of approve.</source>
        <translation>승인하지 않고 거부합니다.</translation>
    </message>
    <message>
        <source>Override the change window or freeze (needs --input reason=...).</source>
        <translation>변경 허용 시간대나 변경 동결에 예외 승인을 합니다(--input reason=... 필요).</translation>
    </message>
    <message>
        <source>Block this release (needs --input reason=...).</source>
        <translation>이 릴리스를 차단합니다(--input reason=... 필요).</translation>
    </message>
    <message>
        <source>A required input, e.g. ticket=CHG-1234 (repeatable).</source>
        <translation>필수 입력, 예: ticket=CHG-1234(여러 번 지정 가능).</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>A comment.</source>
        <translation>설명.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Print the signed decision as a token instead of recording it.</source>
        <translation>서명한 결정을 기록하지 않고 토큰으로 출력합니다.</translation>
    </message>
    <message>
        <source>The checkpoint kept outside the database.</source>
        <translation>데이터베이스 밖에 보관하는 체크포인트.</translation>
    </message>
    <message>
        <source>Verify a decision token and record it in the environment's audit log.</source>
        <translation>결정 토큰을 검증하고 환경의 감사 로그에 기록합니다.</translation>
    </message>
    <message>
        <source>Refuse the token unless it is for this rollout.</source>
        <translation>이 롤아웃에 대한 토큰이 아니면 거부합니다.</translation>
    </message>
    <message>
        <source>The glt1. token.</source>
        <translation>glt1. 토큰.</translation>
    </message>
    <message>
        <source>--env FILE is required</source>
        <translation>--env FILE이 필요합니다</translation>
    </message>
    <message>
        <source>%1 has no audit log yet (%2).</source>
        <translation>%1에는 아직 감사 로그가 없습니다(%2).</translation>
    </message>
    <message>
        <source>The checkpoint kept outside the database (default: under ~/.local/state/greenlight/audit).</source>
        <translation>데이터베이스 밖에 보관하는 체크포인트(기본값: ~/.local/state/greenlight/audit 아래).</translation>
    </message>
    <message>
        <source>the installation key is not in this keychain; trusting the key named in the outside checkpoint (%1)</source>
        <translation>설치 키가 이 키체인에 없습니다. 외부 체크포인트에 지정된 키(%1)를 신뢰합니다</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <source>BROKEN at seq %1: %2</source>
        <translation>seq %1에서 손상됨: %2</translation>
    </message>
    <message>
        <source>ok: %1 entries, head seq %2 (%3), %4 checkpoints matched, outside checkpoint at seq %5</source>
        <translation>정상: 항목 %1개, 최신 seq %2(%3), 체크포인트 %4개 일치, 외부 체크포인트 seq %5</translation>
    </message>
    <message>
        <source>audit export: --format must be jsonl or csv</source>
        <translation>audit export: --format은 jsonl 또는 csv여야 합니다</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓰지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Could not write to standard output.</source>
        <translation>표준 출력에 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>Check the audit log's hash chain and checkpoints; exit 1 at the first broken entry.</source>
        <translation>감사 로그의 해시 체인과 체크포인트를 검사합니다. 처음으로 손상된 항목에서 종료 코드 1로 끝납니다.</translation>
    </message>
    <message>
        <source>Write the audit log as JSON Lines or CSV.</source>
        <translation>감사 로그를 JSON Lines 또는 CSV로 씁니다.</translation>
    </message>
    <message>
        <source>jsonl or csv.</source>
        <translation>jsonl 또는 csv.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>표준 출력 대신 FILE에 씁니다.</translation>
    </message>
    <message>
        <source>  step %1/%2</source>
        <translation>  %1/%2단계</translation>
    </message>
    <message>
        <source>  desired %1 %  actual %2 %</source>
        <translation>  목표 %1 %  실제 %2 %</translation>
    </message>
    <message>
        <source>interrupted; the rollout goes on when an engine runs (greenlightctl engine)</source>
        <translation>중단됨. 엔진이 실행되면 롤아웃이 계속됩니다(greenlightctl engine)</translation>
    </message>
    <message>
        <source>rollout #%1 not found</source>
        <translation>롤아웃 #%1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>rollout #%1: %2</source>
        <translation>롤아웃 #%1: %2</translation>
    </message>
    <message>
        <source>interrupted before the engine answered (action #%1 stays queued)</source>
        <translation>엔진이 응답하기 전에 중단됨(작업 #%1은(는) 대기열에 남아 있습니다)</translation>
    </message>
    <message>
        <source>no answer from the engine within %1 s (action #%2 stays queued)</source>
        <translation>%1 s 안에 엔진의 응답이 없습니다(작업 #%2은(는) 대기열에 남아 있습니다)</translation>
    </message>
    <message>
        <source>(no engine was running: this command ran one until the engine answered; run `greenlightctl engine --env %1` or use --wait to drive the rollout on)</source>
        <translation>(실행 중인 엔진이 없어 이 명령이 엔진이 응답할 때까지 직접 실행했습니다. 롤아웃을 계속 진행하려면 `greenlightctl engine --env %1`을 실행하거나 --wait를 쓰십시오)</translation>
    </message>
    <message>
        <source>Why (recorded with who and when).</source>
        <translation>사유(누가, 언제와 함께 기록됩니다).</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Follow the rollout until it ends: exit 0 completed, 3 aborted or rolled back, 1 error.</source>
        <translation>롤아웃이 끝날 때까지 따라갑니다: 종료 코드 0 완료, 3 중단 또는 롤백, 1 오류.</translation>
    </message>
    <message>
        <source>Print JSON (one object per line).</source>
        <translation>JSON으로 출력합니다(한 줄에 객체 하나).</translation>
    </message>
    <message>
        <source>HAProxy did not answer</source>
        <translation>HAProxy가 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>  (no engine running)</source>
        <translation>  (실행 중인 엔진 없음)</translation>
    </message>
    <message>
        <source>no rollout yet</source>
        <translation>아직 롤아웃 없음</translation>
    </message>
    <message>
        <source>Environment %1 (backend %2); engine: %3</source>
        <translation>환경 %1(백엔드 %2), 엔진: %3</translation>
    </message>
    <message>
        <source>running (pid %1 on %2)</source>
        <translation>실행 중(%2의 PID %1)</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>실행 중이 아님</translation>
    </message>
    <message>
        <source>Rollout #%1: %2 %3 -&gt; %4 (%5 -&gt; %6): %7</source>
        <translation>롤아웃 #%1: %2 %3 -&gt; %4(%5 -&gt; %6): %7</translation>
    </message>
    <message>
        <source>  step %1 of %2; desired %3 % on %4, actual %5 %</source>
        <translation>  %1/%2단계. %4 목표 %3 %, 실제 %5 %</translation>
    </message>
    <message>
        <source>  started %1 by %2%3</source>
        <translation>  %1에 %2이(가) 시작%3</translation>
    </message>
    <message>
        <source>  now: %1</source>
        <translation>  현재: %1</translation>
    </message>
    <message>
        <source>No rollout yet.</source>
        <translation>아직 롤아웃이 없습니다.</translation>
    </message>
    <message>
        <source>HAProxy: %1</source>
        <translation>HAProxy: %1</translation>
    </message>
    <message>
        <source>Slots:</source>
        <translation>슬롯:</translation>
    </message>
    <message>
        <source>rollout start: --version V is required</source>
        <translation>rollout start: --version V가 필요합니다</translation>
    </message>
    <message>
        <source>unknown strategy "%1" (canary, blue-green, rolling, recreate)</source>
        <translation>알 수 없는 전략 "%1"(canary, blue-green, rolling, recreate)</translation>
    </message>
    <message>
        <source>%1 takes the service DOWN while every slot is replaced (requests fail meanwhile). Run again with --accept-downtime to confirm, or use canary, blue-green or rolling.</source>
        <translation>%1은(는) 모든 슬롯을 교체하는 동안 서비스를 중단합니다(그동안 요청이 실패합니다). 확인하려면 --accept-downtime을 붙여 다시 실행하거나 canary, blue-green, rolling을 쓰십시오.</translation>
    </message>
    <message>
        <source>warning: %1 causes downtime (confirmed with --accept-downtime)</source>
        <translation>경고: %1은(는) 서비스 중단을 일으킵니다(--accept-downtime으로 확인함)</translation>
    </message>
    <message>
        <source>--%1: expected a duration such as 500ms, 30s or 2m, got "%2"</source>
        <translation>--%1: 500ms, 30s, 2m 같은 기간이 와야 하는데 "%2"입니다</translation>
    </message>
    <message>
        <source>--pause: expected none, gate, analysis or a duration such as 30s, got "%1"</source>
        <translation>--pause: none, gate, analysis 또는 30s 같은 기간이 와야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>--steps: %1</source>
        <translation>--steps: %1</translation>
    </message>
    <message>
        <source>--%1: expected a whole number of at least 1, got "%2"</source>
        <translation>--%1: 1 이상의 정수가 와야 하는데 "%2"입니다</translation>
    </message>
    <message>
        <source>No engine drives %1. Start one (greenlightctl engine --env %2) or pass --wait to run the rollout in this process.</source>
        <translation>%1을(를) 구동하는 엔진이 없습니다. 엔진을 시작하거나(greenlightctl engine --env %2) --wait를 지정해 이 프로세스에서 롤아웃을 실행하십시오.</translation>
    </message>
    <message>
        <source>promote --full skips every remaining step: --reason R is required</source>
        <translation>promote --full은 남은 단계를 모두 건너뜁니다: --reason R이 필요합니다</translation>
    </message>
    <message>
        <source>There is no rollout in %1.</source>
        <translation>%1에 롤아웃이 없습니다.</translation>
    </message>
    <message>
        <source>engine running for %1 (pid %2); Ctrl-C stops it</source>
        <translation>%1의 엔진 실행 중(PID %2). Ctrl-C로 중지합니다</translation>
    </message>
    <message>
        <source>action #%1 done: %2</source>
        <translation>작업 #%1 완료: %2</translation>
    </message>
    <message>
        <source>action #%1 refused: %2</source>
        <translation>작업 #%1 거부됨: %2</translation>
    </message>
    <message>
        <source>engine stopped</source>
        <translation>엔진 중지됨</translation>
    </message>
    <message>
        <source>#%1 %2 %3 -&gt; %4: %5 (started %6 by %7%8)</source>
        <translation>#%1 %2 %3 -&gt; %4: %5(%6에 %7이(가) 시작%8)</translation>
    </message>
    <message>
        <source>Skip every remaining step and go to 100 % (a --reason is required).</source>
        <translation>남은 단계를 모두 건너뛰고 100 %로 갑니다(--reason 필요).</translation>
    </message>
    <message>
        <source>Show the current rollout, the engine and the slots as HAProxy reports them.</source>
        <translation>현재 롤아웃, 엔진, 그리고 HAProxy가 보고하는 슬롯을 보입니다.</translation>
    </message>
    <message>
        <source>Print JSON (documented in docs/engine.md).</source>
        <translation>JSON으로 출력합니다(docs/engine.md 참조).</translation>
    </message>
    <message>
        <source>Print every change until interrupted.</source>
        <translation>중단할 때까지 모든 변경을 출력합니다.</translation>
    </message>
    <message>
        <source>Start a rollout of a version (canary, blue-green, rolling or recreate).</source>
        <translation>버전의 롤아웃을 시작합니다(canary, blue-green, rolling, recreate).</translation>
    </message>
    <message>
        <source>The version to roll out.</source>
        <translation>롤아웃할 버전.</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>canary, blue-green, rolling or recreate (default: the environment file's).</source>
        <translation>canary, blue-green, rolling, recreate(기본값: 환경 파일의 설정).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Confirm a strategy that takes the service down (recreate).</source>
        <translation>서비스를 중단하는 전략(recreate)을 확인합니다.</translation>
    </message>
    <message>
        <source>Canary steps, e.g. 5,25:gate,50:10s,100 (overrides the file).</source>
        <translation>카나리 단계, 예: 5,25:gate,50:10s,100(파일 설정보다 우선).</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <source>Pause after each canary step: none, gate, analysis or a duration.</source>
        <translation>카나리 단계마다의 일시 정지: none, gate, analysis 또는 기간.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Idle slots that get the canary.</source>
        <translation>카나리를 받을 유휴 슬롯 수.</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Canary: how long the old colour stays up at 100 %.</source>
        <translation>카나리: 100 % 도달 후 이전 색을 유지하는 시간.</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>Blue-green: how long the old colour stays up after the switch.</source>
        <translation>블루-그린: 전환 후 이전 색을 유지하는 시간.</translation>
    </message>
    <message>
        <source>Rolling: slots replaced at a time.</source>
        <translation>롤링: 한 번에 교체할 슬롯 수.</translation>
    </message>
    <message>
        <source>How long a new slot may take to pass HAProxy's health check.</source>
        <translation>새 슬롯이 HAProxy 헬스 체크를 통과하기까지 허용하는 시간.</translation>
    </message>
    <message>
        <source>How long to wait for a draining slot's sessions to end.</source>
        <translation>드레인 중인 슬롯의 세션이 끝나기를 기다리는 시간.</translation>
    </message>
    <message>
        <source>Go to the next step now (with --full: straight to 100 %).</source>
        <translation>지금 다음 단계로 갑니다(--full: 곧바로 100 %로).</translation>
    </message>
    <message>
        <source>Pause the rollout.</source>
        <translation>롤아웃을 일시 정지합니다.</translation>
    </message>
    <message>
        <source>Resume a paused rollout, or retry the failed operation of a held one.</source>
        <translation>일시 정지된 롤아웃을 재개하거나, 보류된 롤아웃의 실패한 작업을 재시도합니다.</translation>
    </message>
    <message>
        <source>Traffic back to the stable version now; the new version is kept for inspection.</source>
        <translation>트래픽을 지금 안정 버전으로 되돌립니다. 새 버전은 조사를 위해 남겨 둡니다.</translation>
    </message>
    <message>
        <source>Abort, then undeploy the new version (in place: redeploy the previous one).</source>
        <translation>중단한 뒤 새 버전을 배포 해제합니다(제자리 배포라면 이전 버전을 다시 배포).</translation>
    </message>
    <message>
        <source>Start an aborted or rolled-back rollout again with the same version.</source>
        <translation>중단되거나 롤백된 롤아웃을 같은 버전으로 다시 시작합니다.</translation>
    </message>
    <message>
        <source>Run the rollout engine in the foreground until interrupted.</source>
        <translation>중단할 때까지 롤아웃 엔진을 포그라운드에서 실행합니다.</translation>
    </message>
    <message>
        <source>List past rollouts with who did what, when and why.</source>
        <translation>지난 롤아웃을 누가, 무엇을, 언제, 왜 했는지와 함께 나열합니다.</translation>
    </message>
    <message>
        <source>The profile database (default: %1).</source>
        <translation>프로필 데이터베이스(기본값: %1).</translation>
    </message>
    <message>
        <source>runbook sync: no source folders are configured; add one with --source DIR</source>
        <translation>runbook sync: 설정된 소스 폴더가 없습니다. --source DIR로 추가하십시오</translation>
    </message>
    <message>
        <source>Added (%1):</source>
        <translation>추가됨(%1):</translation>
    </message>
    <message>
        <source>Changed (%1):</source>
        <translation>변경됨(%1):</translation>
    </message>
    <message>
        <source>Removed (%1):</source>
        <translation>삭제됨(%1):</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>변경 없음: %1</translation>
    </message>
    <message>
        <source>In progress on their earlier version (notes kept): %1</source>
        <translation>이전 버전으로 진행 중(메모 유지): %1</translation>
    </message>
    <message>
        <source>Source not available, its runbooks were kept: %1</source>
        <translation>소스를 사용할 수 없어 해당 런북을 유지했습니다: %1</translation>
    </message>
    <message>
        <source>runbook search: give the words to look for</source>
        <translation>runbook search: 찾을 단어를 지정하십시오</translation>
    </message>
    <message>
        <source>No runbook matches "%1".</source>
        <translation>"%1"과(와) 일치하는 런북이 없습니다.</translation>
    </message>
    <message>
        <source>runbook show: give one runbook id</source>
        <translation>runbook show: 런북 ID를 하나 지정하십시오</translation>
    </message>
    <message>
        <source>id %1, version %2, service %3, owner %4</source>
        <translation>ID %1, 버전 %2, 서비스 %3, 담당자 %4</translation>
    </message>
    <message>
        <source>RTO %1, RPO %2; tags: %3</source>
        <translation>RTO %1, RPO %2, 태그: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Prerequisites:</source>
        <translation>사전 요구 사항:</translation>
    </message>
    <message>
        <source>Step %1/%2: %3 (expected %4)</source>
        <translation>%1/%2단계: %3(예상 %4)</translation>
    </message>
    <message>
        <source>Verify: %1</source>
        <translation>확인: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>되돌리기: %1</translation>
    </message>
    <message>
        <source>drill report: give --drill ID or --runbook ID</source>
        <translation>drill report: --drill ID 또는 --runbook ID를 지정하십시오</translation>
    </message>
    <message>
        <source>Runbook "%1" has no drills yet.</source>
        <translation>런북 "%1"에는 아직 훈련이 없습니다.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1을(를) 썼습니다</translation>
    </message>
    <message>
        <source>drill list: --runbook ID is required</source>
        <translation>drill list: --runbook ID가 필요합니다</translation>
    </message>
    <message>
        <source>RTO %1</source>
        <translation>RTO %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Import runbook source folders into the local copy; report added, changed, removed and errors.</source>
        <translation>런북 소스 폴더를 로컬 사본으로 가져오고, 추가·변경·삭제된 항목과 오류를 보고합니다.</translation>
    </message>
    <message>
        <source>A folder of runbooks (*.md) to add to the configured sources; may be repeated.</source>
        <translation>설정된 소스에 추가할 런북(*.md) 폴더. 여러 번 지정할 수 있습니다.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Search the local runbooks (title, tags, body); best matches first.</source>
        <translation>로컬 런북(제목, 태그, 본문)을 검색합니다. 가장 잘 맞는 항목부터 보입니다.</translation>
    </message>
    <message>
        <source>At most N results (default 10).</source>
        <translation>결과는 최대 N개(기본값 10).</translation>
    </message>
    <message>
        <source>The words to look for (each matches as a prefix).</source>
        <translation>찾을 단어(각 단어는 접두어로 일치).</translation>
    </message>
    <message>
        <source>Print a runbook from the local copy, step by step.</source>
        <translation>로컬 사본의 런북을 단계별로 출력합니다.</translation>
    </message>
    <message>
        <source>An earlier imported version.</source>
        <translation>이전에 가져온 버전.</translation>
    </message>
    <message>
        <source>Print the Markdown file as imported.</source>
        <translation>가져온 그대로의 Markdown 파일을 출력합니다.</translation>
    </message>
    <message>
        <source>The runbook id.</source>
        <translation>런북 ID.</translation>
    </message>
    <message>
        <source>List the runbooks of the local copy.</source>
        <translation>로컬 사본의 런북을 나열합니다.</translation>
    </message>
    <message>
        <source>Print (or write) the Markdown report of a DR drill.</source>
        <translation>재해 복구 훈련의 Markdown 보고서를 출력(또는 저장)합니다.</translation>
    </message>
    <message>
        <source>The drill id.</source>
        <translation>훈련 ID.</translation>
    </message>
    <message>
        <source>The latest drill of this runbook.</source>
        <translation>이 런북의 최근 훈련.</translation>
    </message>
    <message>
        <source>Write the report to FILE.</source>
        <translation>보고서를 FILE에 씁니다.</translation>
    </message>
    <message>
        <source>List the DR drills of a runbook, newest first.</source>
        <translation>런북의 재해 복구 훈련을 최신순으로 나열합니다.</translation>
    </message>
    <message>
        <source>Rollout #%1 waits at no approval gate.</source>
        <translation>롤아웃 #%1은(는) 승인 게이트에서 대기 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Rollout #%1 waits before %2: %3</source>
        <translation>롤아웃 #%1이(가) %2 전에 대기 중입니다: %3</translation>
    </message>
    <message>
        <source>  %1 does not count: %2</source>
        <translation>  %1은(는) 집계되지 않음: %2</translation>
    </message>
    <message>
        <source>Show the approval gate a rollout waits at: approvals so far, who does not count, time left.</source>
        <translation>롤아웃이 대기 중인 승인 게이트를 보입니다: 지금까지의 승인, 집계되지 않는 사람, 남은 시간.</translation>
    </message>
    <message>
        <source>The rollout id (default: the latest).</source>
        <translation>롤아웃 ID(기본값: 최신).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON으로 출력합니다.</translation>
    </message>
    <message>
        <source>--env and --runbooks/--profile are alternatives</source>
        <translation>--env와 --runbooks/--profile은 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>The profile %1 has no audit log yet (%2).</source>
        <translation>프로필 %1에는 아직 감사 로그가 없습니다(%2).</translation>
    </message>
    <message>
        <source>The profile's audit log (runbook step-throughs and DR drills) instead of an environment's.</source>
        <translation>환경의 감사 로그 대신 프로필의 감사 로그(런북 단계 진행과 재해 복구 훈련).</translation>
    </message>
    <message>
        <source>With --runbooks: the profile database (default: ~/.local/share/greenlight/profile.db).</source>
        <translation>--runbooks와 함께: 프로필 데이터베이스(기본값: ~/.local/share/greenlight/profile.db).</translation>
    </message>
    <message>
        <source>warning: audit checkpoints are written unsigned (no key from the keychain: %1)</source>
        <translation>경고: 감사 체크포인트를 서명 없이 씁니다(키체인에서 키를 가져오지 못함: %1)</translation>
    </message>
    <message>
        <source>  gate before %1: %2</source>
        <translation>  %1 전 게이트: %2</translation>
    </message>
    <message>
        <source>  gate: %1</source>
        <translation>  게이트: %1</translation>
    </message>
    <message>
        <source>    %1 does not count: %2</source>
        <translation>    %1은(는) 집계되지 않음: %2</translation>
    </message>
    <message>
        <source>approve: %1 started rollout %2 and cannot decide on its gates (separation of duties); another approver must sign.</source>
        <translation>approve: %1이(가) 롤아웃 %2을(를) 시작했으므로 그 게이트를 결정할 수 없습니다(직무 분리). 다른 승인자가 서명해야 합니다.</translation>
    </message>
    <message>
        <source>  revision %1; to act on exactly this: --expect-step %2 (or --expect-revision %1)</source>
        <translation>  리비전 %1. 정확히 이 상태에서만 실행하려면: --expect-step %2(또는 --expect-revision %1)</translation>
    </message>
    <message>
        <source>--%1: expected a whole number from 0 to %2, got "%3"</source>
        <translation>--%1: 0에서 %2 사이의 정수가 와야 하는데 "%3"입니다</translation>
    </message>
    <message>
        <source>Act only if the rollout is still at step N as `status` printed it (0: before the first step); otherwise promote, resume and retry are refused (pause, abort and rollback go ahead).</source>
        <translation>롤아웃이 `status`가 출력한 N단계에 아직 있을 때만 실행합니다(0: 첫 단계 전). 그렇지 않으면 promote, resume, retry는 거부됩니다(pause, abort, rollback은 실행됩니다).</translation>
    </message>
    <message>
        <source>Act only if the rollout's revision is still R (`status` prints it; any change moves it).</source>
        <translation>롤아웃의 리비전이 아직 R일 때만 실행합니다(`status`가 출력하며, 어떤 변경이든 리비전을 올립니다).</translation>
    </message>
    <message>
        <source>environment file changed: %1</source>
        <translation>환경 파일 변경됨: %1</translation>
    </message>
    <message>
        <source>a new name, state database, Runtime API or backend takes effect when the engine is restarted</source>
        <translation>새 이름, 상태 데이터베이스, 런타임 API 또는 백엔드는 엔진을 다시 시작해야 적용됩니다</translation>
    </message>
    <message>
        <source>environment file not applied (the last good configuration stays): %1</source>
        <translation>환경 파일을 적용하지 않았습니다(마지막으로 올바르던 구성이 유지됨): %1</translation>
    </message>
    <message>
        <source>engine running again for %1 on the files at %2</source>
        <translation>%2의 파일로 %1 엔진을 다시 실행합니다</translation>
    </message>
</context>
<context>
    <name>gl::ui::AnalysisPanel</name>
    <message>
        <source>No rollout</source>
        <translation>롤아웃 없음</translation>
    </message>
    <message>
        <source>The analysis of a rollout's new version against the stable one shows here.</source>
        <translation>롤아웃의 새 버전을 안정 버전과 비교한 분석이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No state database</source>
        <translation>상태 데이터베이스 없음</translation>
    </message>
    <message>
        <source>Open an environment to read its analysis runs.</source>
        <translation>분석 실행을 보려면 환경을 여십시오.</translation>
    </message>
    <message>
        <source>No analysis yet</source>
        <translation>아직 분석 없음</translation>
    </message>
    <message>
        <source>This rollout has not run an analysis. Steps that wait for analysis compare the new version with the stable one on the environment's SLIs.</source>
        <translation>이 롤아웃은 분석을 실행하지 않았습니다. 분석을 기다리는 단계에서는 환경의 SLI로 새 버전을 안정 버전과 비교합니다.</translation>
    </message>
    <message>
        <source>Cannot read the analysis: %1</source>
        <translation>분석을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>&amp;Rules (last measurement)</source>
        <translation>규칙(마지막 측정)(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Verdict history</source>
        <translation>판정 기록(&amp;V)</translation>
    </message>
    <message>
        <source>Analysis failed</source>
        <translation>분석 실패</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>롤백됨</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 burnt %2 of its error budget (limit %3)</source>
        <translation>%1이(가) 오류 예산의 %2을(를) 소진했습니다(한도 %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n times in a row</source>
        <translation>
            <numerusform>%1 %n회 연속</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (failed %n times)</source>
        <translation>
            <numerusform>%1(%n회 실패)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Passed: every rule within its threshold (%n evaluations)</source>
        <translation>
            <numerusform>통과: 모든 규칙이 임계값 이내(평가 %n회)</numerusform>
        </translation>
    </message>
    <message>
        <source>Passing so far: %1</source>
        <translation>지금까지 통과 중: %1</translation>
    </message>
    <message>
        <source>Failing (not rolled back yet): %1</source>
        <translation>실패 중(아직 롤백되지 않음): %1</translation>
    </message>
    <message>
        <source>Inconclusive, never promoted: %1</source>
        <translation>판단 불가, 승격하지 않음: %1</translation>
    </message>
    <message>
        <source>Waiting for the first verdict: %1</source>
        <translation>첫 판정 대기 중: %1</translation>
    </message>
</context>
<context>
    <name>gl::ui::AnalysisRuleModel</name>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>마지막 값</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>판단 불가</translation>
    </message>
</context>
<context>
    <name>gl::ui::ApprovalController</name>
    <message>
        <source>No environment is open.</source>
        <translation>열린 환경이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot open the state database: %1</source>
        <translation>상태 데이터베이스를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot open the audit log: %1</source>
        <translation>감사 로그를 열 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>gl::ui::ApprovalsView</name>
    <message>
        <source>You sign as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;(으)로 서명합니다</translation>
    </message>
    <message>
        <source>&amp;Import token…</source>
        <translation>토큰 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Record a signed decision (a glt1. token) from another desk; it is verified first.</source>
        <translation>다른 데스크에서 받은 서명된 결정(glt1. 토큰)을 기록합니다. 먼저 검증합니다.</translation>
    </message>
    <message>
        <source>&amp;Block release…</source>
        <translation>릴리스 차단(&amp;B)…</translation>
    </message>
    <message>
        <source>Sign a block: the rollout may not start or promote while it is in force.</source>
        <translation>차단에 서명합니다: 차단이 유효한 동안 롤아웃을 시작하거나 승격할 수 없습니다.</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>롤아웃</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>게이트</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>대기 시점</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>집계 여부</translation>
    </message>
    <message>
        <source>Decisions so far</source>
        <translation>지금까지의 결정</translation>
    </message>
    <message>
        <source>Comment (optional for an approval)</source>
        <translation>의견(승인 시 선택 사항)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>승인(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>거부(&amp;R)…</translation>
    </message>
    <message>
        <source>Cannot read the gates waiting for approval: %1</source>
        <translation>승인 대기 중인 게이트를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>환경 없음</translation>
    </message>
    <message>
        <source>Open an environment to see the gates waiting for approval.</source>
        <translation>승인 대기 중인 게이트를 보려면 환경을 여십시오.</translation>
    </message>
    <message>
        <source>No approval gates</source>
        <translation>승인 게이트 없음</translation>
    </message>
    <message>
        <source>This environment has no gates: section, so rollouts wait for nobody's approval. See docs/approvals.md to add one.</source>
        <translation>이 환경에는 gates: 섹션이 없으므로 롤아웃이 누구의 승인도 기다리지 않습니다. 게이트를 추가하려면 docs/approvals.md를 참조하십시오.</translation>
    </message>
    <message>
        <source>No gate is waiting</source>
        <translation>대기 중인 게이트 없음</translation>
    </message>
    <message>
        <source>When a rollout waits for approvals (before it starts, before a canary step or before the blue-green switch) it appears here with what changes and who approved so far.</source>
        <translation>롤아웃이 승인을 기다리면(시작 전, 카나리 단계 전, 블루-그린 전환 전) 변경 내용과 지금까지 승인한 사람과 함께 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>before it starts</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>before canary step %1 (%2 % of traffic)</source>
        <translation>카나리 %1단계 전(트래픽의 %2 %)</translation>
    </message>
    <message>
        <source>before the switch to %1</source>
        <translation>%1(으)로 전환 전</translation>
    </message>
    <message>
        <source>Rollout #%1 waits at gate “%2” %3</source>
        <translation>롤아웃 #%1이(가) %3 게이트 “%2”에서 대기 중입니다</translation>
    </message>
    <message>
        <source>Changes %1 → %2 with %3, started by %4 at %5.</source>
        <translation>%1 → %2 변경(%3), %5에 %4이(가) 시작했습니다.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>Now %1 % of traffic on %2.</source>
        <translation>현재 트래픽의 %1 %가 %2에 있습니다.</translation>
    </message>
    <message>
        <source>Analysis: %1 — %2</source>
        <translation>분석: %1 — %2</translation>
    </message>
    <message>
        <source>Analysis: no run for this rollout yet.</source>
        <translation>분석: 이 롤아웃에 대한 실행이 아직 없습니다.</translation>
    </message>
    <message>
        <source>Approvals: %1/%2, from different groups of: %3</source>
        <translation>승인: %1/%2, 승인 주체: %3 중 서로 다른 그룹</translation>
    </message>
    <message>
        <source>Approvals: %1/%2, from: %3</source>
        <translation>승인: %1/%2, 승인 주체: %3</translation>
    </message>
    <message>
        <source>Time left: %1 (the gate is rejected at %2)</source>
        <translation>남은 시간: %1(%2에 게이트가 거부됨)</translation>
    </message>
    <message>
        <source>Time left: no timeout</source>
        <translation>남은 시간: 제한 없음</translation>
    </message>
    <message>
        <source>Approved: the rollout goes on when the engine next checks.</source>
        <translation>승인됨: 엔진이 다음에 확인할 때 롤아웃이 계속됩니다.</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>집계됨</translation>
    </message>
    <message>
        <source>must match %1</source>
        <translation>%1와(과) 일치해야 함</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Approve gate %1</source>
        <translation>게이트 %1 승인</translation>
    </message>
    <message>
        <source>Reject gate %1</source>
        <translation>게이트 %1 거부</translation>
    </message>
    <message>
        <source>Sign and record your approval of gate “%1” for rollout #%2 (%3 → %4)? It makes %5 of the %6 approvals needed.</source>
        <translation>롤아웃 #%2(%3 → %4)의 게이트 “%1”에 대한 승인에 서명하고 기록하시겠습니까? 필요한 승인 %6건 중 %5번째 승인이 됩니다.</translation>
    </message>
    <message>
        <source>Sign and record your rejection of gate “%1” for rollout #%2 (%3 → %4)? One rejection rejects the gate.</source>
        <translation>롤아웃 #%2(%3 → %4)의 게이트 “%1”에 대한 거부에 서명하고 기록하시겠습니까? 거부 한 건으로 게이트가 거부됩니다.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>Your signing key could not be loaded: %1</source>
        <translation>서명 키를 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Created a new Ed25519 key pair for %1; the private key is in the keychain. Add this line to the approvers list of each environment you approve for:
  - {person: %1, groups: [CHANGE-ME], key: "%2"}</source>
        <translation>%1의 새 Ed25519 키 쌍을 만들었습니다. 개인 키는 키체인에 있습니다. 승인을 맡은 각 환경의 승인자 목록에 다음 줄을 추가하십시오:
  - {person: %1, groups: [CHANGE-ME], key: "%2"}</translation>
    </message>
    <message>
        <source>Recorded: %1 %2 gate %3 of rollout #%4 (audit seq %5).</source>
        <translation>기록됨: %1 %2, 롤아웃 #%4의 게이트 %3(감사 seq %5).</translation>
    </message>
    <message>
        <source>Import a decision token</source>
        <translation>결정 토큰 가져오기</translation>
    </message>
    <message>
        <source>Paste a signed decision (a token starting with glt1.) from another desk. It is verified against this environment's approvers before it is recorded.</source>
        <translation>다른 데스크에서 받은 서명된 결정(glt1.로 시작하는 토큰)을 붙여 넣으십시오. 기록하기 전에 이 환경의 승인자 목록으로 검증합니다.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Token refused: %1</source>
        <translation>토큰 거부됨: %1</translation>
    </message>
    <message>
        <source>Imported and verified: %1 %2 gate %3 of rollout #%4 at %5 (signature ok).</source>
        <translation>가져와서 검증함: %1 %2, 롤아웃 #%4의 게이트 %3, %5(서명 정상).</translation>
    </message>
    <message>
        <source>Block release</source>
        <translation>릴리스 차단</translation>
    </message>
    <message>
        <source>Block rollout #%1 (%2 → %3)? While the block is in force it may not start or promote. Say why.</source>
        <translation>롤아웃 #%1(%2 → %3)을(를) 차단하시겠습니까? 차단이 유효한 동안 롤아웃을 시작하거나 승격할 수 없습니다. 사유를 입력하십시오.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>차단</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>기록되지 않음: %1</translation>
    </message>
    <message>
        <source>Recorded: %1 blocked rollout #%2 (audit seq %3).</source>
        <translation>기록됨: %1이(가) 롤아웃 #%2을(를) 차단함(감사 seq %3).</translation>
    </message>
    <message>
        <source>before a rollout starts</source>
        <translation>롤아웃 시작 전</translation>
    </message>
    <message>
        <source>before the canary step to %1 %</source>
        <translation>카나리 %1 % 단계 전</translation>
    </message>
    <message>
        <source>before every canary step</source>
        <translation>모든 카나리 단계 전</translation>
    </message>
    <message>
        <source>before the blue-green switch</source>
        <translation>블루-그린 전환 전</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2, %n approval(s) from %3</source>
        <translation><numerusform>%1: %2, %3의 승인 %n건</numerusform></translation>
    </message>
    <message>
        <source>Gates in force: %1</source>
        <translation>적용 중인 게이트: %1</translation>
    </message>
    <message>
        <source>No name to sign as: Greenlight takes it from GREENLIGHT_PERSON, or else USER, when it starts.</source>
        <translation>서명할 이름이 없습니다: Greenlight는 시작할 때 GREENLIGHT_PERSON에서, 없으면 USER에서 이름을 가져옵니다.</translation>
    </message>
</context>
<context>
    <name>gl::ui::AuditEntryModel</name>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>세부 정보</translation>
    </message>
</context>
<context>
    <name>gl::ui::AuditView</name>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>감사 로그를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>시간(&amp;T):</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Range…</source>
        <translation>범위…</translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation>시작(현지 시각)</translation>
    </message>
    <message>
        <source>To (local time)</source>
        <translation>끝(현지 시각)</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>사용자(&amp;P):</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>모든 사용자</translation>
    </message>
    <message>
        <source>&amp;Rollout:</source>
        <translation>롤아웃(&amp;R):</translation>
    </message>
    <message>
        <source>any, or an id</source>
        <translation>전체 또는 ID</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>작업(&amp;C):</translation>
    </message>
    <message>
        <source>any, or e.g. approval.*</source>
        <translation>전체 또는 예: approval.*</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>검증(&amp;V)</translation>
    </message>
    <message>
        <source>Check the hash chain and the signed checkpoints of the whole log.</source>
        <translation>전체 로그의 해시 체인과 서명된 체크포인트를 검사합니다.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>JSON Lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Cannot open the audit log: %1</source>
        <translation>감사 로그를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Open an environment to see its audit log.</source>
        <translation>감사 로그를 보려면 환경을 여십시오.</translation>
    </message>
    <message>
        <source>No audit entries yet: rollout actions, approvals and settings changes appear here.</source>
        <translation>아직 감사 항목이 없습니다: 롤아웃 작업, 승인, 설정 변경이 여기에 나타납니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>항목 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries; the newest %1 are loaded, scroll down for older ones</source>
        <translation>
            <numerusform>항목 %n개, 최신 %1개를 불러왔습니다. 이전 항목은 아래로 스크롤하십시오</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries match the filters</source>
        <translation>
            <numerusform>항목 %n개 중 %1개가 필터와 일치</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries match the filters so far; scroll down for older ones</source>
        <translation>
            <numerusform>지금까지 항목 %n개 중 %1개가 필터와 일치합니다. 이전 항목은 아래로 스크롤하십시오</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no audit log to verify yet.</source>
        <translation>아직 검증할 감사 로그가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n entries…</source>
        <translation>
            <numerusform>항목 %n개 검증 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>The installation key is not in this keychain; the key named in the outside checkpoint (%1) is trusted.</source>
        <translation>설치 키가 이 키체인에 없습니다. 외부 체크포인트에 지정된 키(%1)를 신뢰합니다.</translation>
    </message>
    <message>
        <source>Verification could not run: %1</source>
        <translation>검증을 실행하지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n entries, head seq %1 (%2), %3 checkpoints matched.</source>
        <translation>
            <numerusform>감사 로그가 온전합니다: 항목 %n개, 최신 seq %1(%2), 체크포인트 %3개 일치.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is BROKEN at seq %1: %2</source>
        <translation>감사 로그가 seq %1에서 손상되었습니다: %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <source>There is no audit log to export yet.</source>
        <translation>아직 내보낼 감사 로그가 없습니다.</translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation>감사 로그를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export the audit log as JSON Lines</source>
        <translation>감사 로그를 JSON Lines로 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓰지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Exporting the audit log to %1…</source>
        <translation>감사 로그를 %1(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Exported the audit log to %1 (with its checkpoints; it verifies on its own).</source>
        <translation>감사 로그를 %1(으)로 내보냈습니다(체크포인트 포함, 단독으로 검증 가능).</translation>
    </message>
</context>
<context>
    <name>gl::ui::Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>gl::ui::Console</name>
    <message>
        <source>Greenlight release console</source>
        <translation>그린라이트 릴리스 콘솔</translation>
    </message>
    <message>
        <source>Open the environment file &lt;file&gt;.</source>
        <translation>환경 파일 &lt;file&gt;을(를) 엽니다.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
</context>
<context>
    <name>gl::ui::DrillPdf</name>
    <message>
        <source>Could not create the folder for %1.</source>
        <translation>%1의 폴더를 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1을(를) 쓰지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>gl::ui::GateStatusWidget</name>
    <message>
        <source>Approval gates</source>
        <translation>승인 게이트</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>게이트</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>승인 대기 중</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>before start</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>before the %1 % step</source>
        <translation>%1 % 단계 전</translation>
    </message>
    <message>
        <source>before every canary step</source>
        <translation>모든 카나리 단계 전</translation>
    </message>
    <message>
        <source>before the switch</source>
        <translation>전환 전</translation>
    </message>
    <message>
        <source>no timeout</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>This environment has no approval gates.</source>
        <translation>이 환경에는 승인 게이트가 없습니다.</translation>
    </message>
    <message>
        <source>No rollout.</source>
        <translation>롤아웃이 없습니다.</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>도달하지 않음</translation>
    </message>
</context>
<context>
    <name>gl::ui::MainWindow</name>
    <message>
        <source>About Greenlight</source>
        <translation>그린라이트 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Greenlight %1&lt;/b&gt;&lt;p&gt;A release console for blue-green, canary and rolling deployments, change approvals and disaster-recovery drills.&lt;/p&gt;</source>
        <translation>&lt;b&gt;그린라이트 %1&lt;/b&gt;&lt;p&gt;블루-그린, 카나리, 롤링 배포와 변경 승인, 재해 복구 훈련을 위한 릴리스 콘솔입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Greenlight</source>
        <translation>%1 — 그린라이트</translation>
    </message>
    <message>
        <source>Greenlight</source>
        <translation>그린라이트</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>&amp;Open Environment…</source>
        <translation>환경 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an environment file (%1)</source>
        <translation>환경 파일을 엽니다(%1)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Greenlight</source>
        <translation>그린라이트 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>영역</translation>
    </message>
    <message>
        <source>Rollouts</source>
        <translation>롤아웃</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>감사</translation>
    </message>
    <message>
        <source>No rollouts to show</source>
        <translation>표시할 롤아웃이 없습니다</translation>
    </message>
    <message>
        <source>No approvals waiting</source>
        <translation>대기 중인 승인이 없습니다</translation>
    </message>
    <message>
        <source>No runbooks yet</source>
        <translation>아직 런북이 없습니다</translation>
    </message>
    <message>
        <source>No audit entries yet</source>
        <translation>아직 감사 기록이 없습니다</translation>
    </message>
    <message>
        <source>Open an environment to follow its rollouts: steps, traffic split, SLIs and one-click actions.</source>
        <translation>환경을 열면 롤아웃의 단계, 트래픽 분배, SLI를 보고 클릭 한 번으로 조치할 수 있습니다.</translation>
    </message>
    <message>
        <source>Gates waiting for your decision appear here, next to the live analysis of the rollout they hold.</source>
        <translation>결정을 기다리는 게이트가 여기에, 그 게이트가 붙잡고 있는 롤아웃의 실시간 분석과 함께 나타납니다.</translation>
    </message>
    <message>
        <source>Runbooks from your sources are kept here as a local copy that works with every server down.</source>
        <translation>소스의 런북이 여기에 로컬 사본으로 보관되어, 모든 서버가 멈춰도 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Every action, approval and drill event is kept here in a tamper-evident log you can verify.</source>
        <translation>모든 작업, 승인, 훈련 이벤트가 검증할 수 있는 변조 감지 로그로 여기에 보관됩니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Could not open the environment: %1</source>
        <translation>환경을 열지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Open Environment</source>
        <translation>환경 열기</translation>
    </message>
    <message>
        <source>Environment files (*.yaml *.yml);;All files (*)</source>
        <translation>환경 파일 (*.yaml *.yml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>No environment open</source>
        <translation>열린 환경 없음</translation>
    </message>
    <message>
        <source>No environment open. Open one with %1.</source>
        <translation>열린 환경이 없습니다. %1(으)로 여십시오.</translation>
    </message>
    <message>
        <source>HAProxy: —</source>
        <translation>HAProxy: —</translation>
    </message>
    <message>
        <source>Prometheus: —</source>
        <translation>Prometheus: —</translation>
    </message>
    <message numerus="yes">
        <source>Environment %1: backend %2, %n slot(s)</source>
        <translation>
            <numerusform>환경 %1: 백엔드 %2, 슬롯 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>HAProxy's Runtime API does not answer (%1): traffic cannot be changed from here.</source>
        <translation>HAProxy 런타임 API가 응답하지 않습니다(%1). 여기서 트래픽을 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Prometheus does not answer (%1): no SLI analysis is possible.</source>
        <translation>Prometheus가 응답하지 않습니다(%1). SLI 분석을 할 수 없습니다.</translation>
    </message>
    <message>
        <source>No rollout in %1 yet</source>
        <translation>%1에 아직 롤아웃이 없습니다</translation>
    </message>
    <message>
        <source>Rollouts of this environment appear here with their steps, traffic split, SLIs and one-click actions.</source>
        <translation>이 환경의 롤아웃이 단계, 트래픽 분배, SLI, 원클릭 작업과 함께 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>&amp;Close Environment %1</source>
        <translation>환경 %1 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close Environment</source>
        <translation>환경 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Could not open %1: an environment named %2 is already open from %3. Close it first.</source>
        <translation>%1을(를) 열지 못했습니다: %2(이)라는 환경이 이미 %3에서 열려 있습니다. 먼저 닫으십시오.</translation>
    </message>
    <message>
        <source>Could not open the rollouts of %1: %2</source>
        <translation>%1의 롤아웃을 열지 못했습니다: %2</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1이(가) 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Some environments that were open last time could not be opened again:
%1</source>
        <translation>지난번에 열려 있던 일부 환경을 다시 열지 못했습니다:
%1</translation>
    </message>
    <message>
        <source>Open %1 (%2)</source>
        <translation>%1 열기(%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n environment(s) open</source>
        <translation>
            <numerusform>%1 · 환경 %n개 열림</numerusform>
        </translation>
    </message>
    <message>
        <source>Rollout #%1 is at %2 %</source>
        <translation>롤아웃 #%1이(가) %2 %에 있습니다</translation>
    </message>
    <message>
        <source>%1 in %2 (greenlightctl engine --env %3)</source>
        <translation>%2의 %1 (greenlightctl engine --env %3)</translation>
    </message>
    <message>
        <source>Quit while this console drives a rollout?</source>
        <translation>이 콘솔이 롤아웃을 진행 중인데 종료할까요?</translation>
    </message>
    <message>
        <source>%1. Quitting stops this console's engine. Traffic stays as it is; the greenlightctl engine command shown or another console takes over.</source>
        <translation>%1. 종료하면 이 콘솔의 엔진이 멈춥니다. 트래픽은 그대로 유지되며, 위에 표시된 greenlightctl engine 명령이나 다른 콘솔이 이어받습니다.</translation>
    </message>
    <message>
        <source>Quit and hand over</source>
        <translation>종료하고 넘기기</translation>
    </message>
    <message>
        <source>Close %1 while this console drives it?</source>
        <translation>이 콘솔이 진행 중인 %1을(를) 닫을까요?</translation>
    </message>
    <message>
        <source>%1; closing stops this console's engine. Traffic stays as it is; `greenlightctl engine --env %2` or another console takes over.</source>
        <translation>%1. 닫으면 이 콘솔의 엔진이 멈춥니다. 트래픽은 그대로 유지되며, `greenlightctl engine --env %2` 또는 다른 콘솔이 이어받습니다.</translation>
    </message>
    <message>
        <source>Close and hand over</source>
        <translation>닫고 넘기기</translation>
    </message>
</context>
<context>
    <name>gl::ui::Notifier</name>
    <message>
        <source>Greenlight</source>
        <translation>그린라이트</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>Analysis failed: %1</source>
        <translation>분석 실패: %1</translation>
    </message>
    <message>
        <source>Automatic rollback: %1</source>
        <translation>자동 롤백: %1</translation>
    </message>
    <message>
        <source>Traffic returns to %1. %2</source>
        <translation>트래픽이 %1(으)로 돌아갑니다. %2</translation>
    </message>
    <message>
        <source>Approval needed: %1</source>
        <translation>승인 필요: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2 waits at a gate (%3 of traffic on %4).</source>
        <translation>%2단계 중 %1단계가 게이트에서 대기 중입니다(%4에 트래픽 %3).</translation>
    </message>
    <message>
        <source>Rollout completed: %1</source>
        <translation>롤아웃 완료: %1</translation>
    </message>
    <message>
        <source>Rollout aborted: %1</source>
        <translation>롤아웃 중단: %1</translation>
    </message>
    <message>
        <source>Rollout rolled back: %1</source>
        <translation>롤아웃 롤백됨: %1</translation>
    </message>
</context>
<context>
    <name>gl::ui::Prompter</name>
    <message>
        <source>Reason (required)</source>
        <translation>사유(필수)</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>사유(선택 사항)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>gl::ui::RollbackRunbookLink</name>
    <message>
        <source>This rollout was rolled back. Follow the runbook '%1' to check the service.</source>
        <translation>이 롤아웃은 롤백되었습니다. 런북 '%1'에 따라 서비스를 점검하십시오.</translation>
    </message>
    <message>
        <source>This rollout was aborted. Follow the runbook '%1' to check the service.</source>
        <translation>이 롤아웃은 중단되었습니다. 런북 '%1'에 따라 서비스를 점검하십시오.</translation>
    </message>
    <message>
        <source>Open runbook</source>
        <translation>런북 열기</translation>
    </message>
    <message>
        <source>Show the runbook '%1' in the Runbooks place.</source>
        <translation>런북 영역에서 런북 '%1'을(를) 표시합니다.</translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutActions</name>
    <message>
        <source>Start rollout…</source>
        <translation>롤아웃 시작…</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>승격</translation>
    </message>
    <message>
        <source>Promote full</source>
        <translation>전체 승격</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>롤백</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>Open an environment first.</source>
        <translation>먼저 환경을 여십시오.</translation>
    </message>
    <message>
        <source>%1 (%2)
%3</source>
        <translation>%1(%2)
%3</translation>
    </message>
    <message>
        <source>the stable version</source>
        <translation>안정 버전</translation>
    </message>
    <message>
        <source>Start a rollout</source>
        <translation>롤아웃 시작</translation>
    </message>
    <message>
        <source>A new rollout starts in %1.</source>
        <translation>%1에서 새 롤아웃이 시작됩니다.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Promote rollout #%1</source>
        <translation>롤아웃 #%1 승격</translation>
    </message>
    <message>
        <source>%1 goes from %2 to %3 of the traffic now (step %4 of %5).</source>
        <translation>이제 %1이(가) 받는 트래픽이 %2에서 %3(으)로 바뀝니다(%5단계 중 %4단계).</translation>
    </message>
    <message>
        <source>The current step's wait ends now and %1 moves on.</source>
        <translation>현재 단계의 대기가 지금 끝나고 %1이(가) 계속 진행됩니다.</translation>
    </message>
    <message>
        <source>Promote rollout #%1 to 100 %</source>
        <translation>롤아웃 #%1을(를) 100 %로 승격</translation>
    </message>
    <message>
        <source>Every remaining step is skipped: %1 gets all traffic now and %2 is removed after the usual delay.</source>
        <translation>남은 단계를 모두 건너뜁니다: 이제 %1이(가) 모든 트래픽을 받고, %2은(는) 평소의 지연 시간 후에 제거됩니다.</translation>
    </message>
    <message>
        <source>Promote to 100 %</source>
        <translation>100 %로 승격</translation>
    </message>
    <message>
        <source>Pause rollout #%1</source>
        <translation>롤아웃 #%1 일시 정지</translation>
    </message>
    <message>
        <source>The rollout stops where it is: traffic stays at %1 on %2 until you resume.</source>
        <translation>롤아웃이 현재 위치에서 멈춥니다: 재개할 때까지 트래픽은 %2에 %1(으)로 유지됩니다.</translation>
    </message>
    <message>
        <source>Resume rollout #%1</source>
        <translation>롤아웃 #%1 재개</translation>
    </message>
    <message>
        <source>The failed operation is tried again, then the rollout goes on: %1</source>
        <translation>실패한 작업을 다시 시도한 뒤 롤아웃을 계속합니다: %1</translation>
    </message>
    <message>
        <source>The rollout goes on from %1 towards its goal.</source>
        <translation>롤아웃이 %1부터 목표를 향해 계속 진행됩니다.</translation>
    </message>
    <message>
        <source>Abort rollout #%1</source>
        <translation>롤아웃 #%1 중단</translation>
    </message>
    <message numerus="yes">
        <source>All traffic returns to %1 on %n slot(s) now. %2 stays deployed at weight 0 for inspection.</source>
        <translation>
            <numerusform>이제 모든 트래픽이 슬롯 %n개의 %1(으)로 돌아갑니다. %2은(는) 조사를 위해 가중치 0으로 배포된 상태로 남습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>All traffic returns to %1 now. %2 stays deployed at weight 0 for inspection.</source>
        <translation>이제 모든 트래픽이 %1(으)로 돌아갑니다. %2은(는) 조사를 위해 가중치 0으로 배포된 상태로 남습니다.</translation>
    </message>
    <message>
        <source>Roll back rollout #%1</source>
        <translation>롤아웃 #%1 롤백</translation>
    </message>
    <message numerus="yes">
        <source>All traffic returns to %1 on %n slot(s) now, then %2 is drained and removed.</source>
        <translation>
            <numerusform>이제 모든 트래픽이 슬롯 %n개의 %1(으)로 돌아간 뒤 %2을(를) 드레인하고 제거합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>All traffic returns to %1 now, then %2 is removed.</source>
        <translation>이제 모든 트래픽이 %1(으)로 돌아간 뒤 %2을(를) 제거합니다.</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>롤백</translation>
    </message>
    <message>
        <source>Retry rollout #%1</source>
        <translation>롤아웃 #%1 재시도</translation>
    </message>
    <message>
        <source>A new rollout of %1 starts with the same settings as #%2.</source>
        <translation>#%2와(과) 같은 설정으로 %1의 새 롤아웃을 시작합니다.</translation>
    </message>
    <message>
        <source>%1: the environment was closed while the question was open; nothing was sent.</source>
        <translation>%1: 질문이 열려 있는 동안 환경이 닫혔습니다. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>%1: the rollout moved to %2 while the question was open; nothing was sent. Look at it again and decide anew.</source>
        <translation>%1: 질문이 열려 있는 동안 롤아웃이 %2(으)로 이동했습니다. 아무것도 보내지 않았습니다. 다시 확인하고 새로 결정하십시오.</translation>
    </message>
    <message>
        <source>%1 is no longer possible: %2. Nothing was sent.</source>
        <translation>%1은(는) 더 이상 할 수 없습니다: %2. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>a confirmation&apos;s title: the action, then the environment</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutDetailView</name>
    <message>
        <source>SLI charts are not available in this build.</source>
        <translation>이 빌드에서는 SLI 차트를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>The analysis panel is not available in this build.</source>
        <translation>이 빌드에서는 분석 패널을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>슬롯</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>No rollout in %1 yet</source>
        <translation>%1에 아직 롤아웃이 없습니다</translation>
    </message>
    <message>
        <source>No environment open</source>
        <translation>열린 환경 없음</translation>
    </message>
    <message>
        <source>Start one with %1.</source>
        <translation>%1(으)로 시작하십시오.</translation>
    </message>
    <message>
        <source>#%1  %2 → %3</source>
        <translation>#%1  %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · step %2/%3 · desired %4 · actual %5</source>
        <translation>%1 · %2/%3단계 · 목표 %4 · 실제 %5</translation>
    </message>
    <message>
        <source>HAProxy could not be read: %1</source>
        <translation>HAProxy를 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>This console drives %1</source>
        <translation>이 콘솔이 %1을(를) 구동합니다</translation>
    </message>
    <message>
        <source>Engine: %1 (observing)</source>
        <translation>엔진: %1(관찰 중)</translation>
    </message>
    <message>
        <source>No engine drives %1</source>
        <translation>%1을(를) 구동하는 엔진이 없습니다</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>게이트</translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutEventsModel</name>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>What and why</source>
        <translation>내용 및 사유</translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutListModel</name>
    <message>
        <source>Pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>보류됨</translation>
    </message>
    <message>
        <source>Aborting</source>
        <translation>중단 중</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>롤백 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>롤백됨</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>승인 대기 중</translation>
    </message>
    <message>
        <source>Waiting for analysis</source>
        <translation>분석 대기 중</translation>
    </message>
    <message>
        <source>Paused by an operator</source>
        <translation>운영자가 일시 정지함</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>판단 불가</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>미완료</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>롤아웃</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>From</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <source>To</source>
        <translation>새 버전</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실제</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>게이트</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>By</source>
        <translation>실행자</translation>
    </message>
</context>
<context>
    <name>gl::ui::RolloutsView</name>
    <message>
        <source>Action #%1 sent; waiting for the engine…</source>
        <translation>작업 #%1을(를) 보냈습니다. 엔진을 기다리는 중…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The engine refused: %1</source>
        <translation>엔진이 거부했습니다: %1</translation>
    </message>
    <message>
        <source>Filter rollouts (version, state, who…)</source>
        <translation>롤아웃 필터(버전, 상태, 사용자…)</translation>
    </message>
    <message>
        <source>Filter rollouts</source>
        <translation>롤아웃 필터</translation>
    </message>
    <message numerus="yes">
        <source>%n rollout(s)</source>
        <translation>
            <numerusform>롤아웃 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
</context>
<context>
    <name>gl::ui::RunbookListModel</name>
    <message>
        <source>%1 (%2), owner %3</source>
        <translation>%1(%2), 담당자 %3</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>런북</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
</context>
<context>
    <name>gl::ui::RunbookSourcesDialog</name>
    <message>
        <source>Choose a folder of runbooks</source>
        <translation>런북 폴더 선택</translation>
    </message>
    <message>
        <source>Runbook sources</source>
        <translation>런북 소스</translation>
    </message>
    <message>
        <source>Folders of Markdown runbooks (for example a git checkout), remembered for this profile. Sync imports every *.md file under them into the local copy.</source>
        <translation>이 프로필이 기억하는 Markdown 런북 폴더(예: git 체크아웃)입니다. 동기화하면 그 아래의 모든 *.md 파일을 로컬 사본으로 가져옵니다.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
</context>
<context>
    <name>gl::ui::RunbookStepView</name>
    <message>
        <source>Back to the library</source>
        <translation>라이브러리로 돌아가기</translation>
    </message>
    <message>
        <source>← Previous (Alt+←)</source>
        <translation>← 이전 (Alt+←)</translation>
    </message>
    <message>
        <source>Next → (Alt+→)</source>
        <translation>다음 → (Alt+→)</translation>
    </message>
    <message>
        <source>&amp;Skip (S)</source>
        <translation>건너뛰기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Failed (F)</source>
        <translation>실패(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Done (Ctrl+Enter)</source>
        <translation>완료(&amp;D) (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Incident (I)…</source>
        <translation>장애(I)…</translation>
    </message>
    <message>
        <source>Set restore point</source>
        <translation>복구 지점 설정</translation>
    </message>
    <message>
        <source>The point in time the restored data reaches (UTC); the measured RPO is the drill start minus this.</source>
        <translation>복원된 데이터가 도달하는 시점(UTC)입니다. 측정 RPO는 훈련 시작 시각에서 이 시점을 뺀 값입니다.</translation>
    </message>
    <message>
        <source>Service restored (R)</source>
        <translation>서비스 복구됨(R)</translation>
    </message>
    <message>
        <source>The service works again: the measured RTO stops here.</source>
        <translation>서비스가 다시 동작합니다: 측정 RTO가 여기서 멈춥니다.</translation>
    </message>
    <message>
        <source>End drill…</source>
        <translation>훈련 종료…</translation>
    </message>
    <message>
        <source>Export report (PDF, Markdown)</source>
        <translation>보고서 내보내기(PDF, Markdown)</translation>
    </message>
    <message>
        <source>Notes for this step (N to write, Esc to leave); saved as you type.</source>
        <translation>이 단계의 메모(N으로 쓰기, Esc로 나가기). 입력하는 대로 저장됩니다.</translation>
    </message>
    <message>
        <source>Keys: Ctrl+Enter done · S skip · F failed · N note · Alt+←/→ other steps · Esc leave the note</source>
        <translation>키: Ctrl+Enter 완료 · S 건너뛰기 · F 실패 · N 메모 · Alt+←/→ 다른 단계 · Esc 메모에서 나가기</translation>
    </message>
    <message>
        <source> · I incident · R service restored</source>
        <translation> · I 장애 · R 서비스 복구됨</translation>
    </message>
    <message>
        <source>Drill: %1</source>
        <translation>훈련: %1</translation>
    </message>
    <message>
        <source>Step-through finished</source>
        <translation>단계별 진행 완료</translation>
    </message>
    <message>
        <source>%1 done, %2 skipped, %3 failed.</source>
        <translation>완료 %1, 건너뜀 %2, 실패 %3.</translation>
    </message>
    <message>
        <source>Every step is marked. Mark **Service restored** if you have not, then **End drill** to see the measured RTO and RPO and export the report.</source>
        <translation>모든 단계를 표시했습니다. 아직 하지 않았다면 **서비스 복구됨**을 표시한 뒤 **훈련 종료**를 눌러 측정된 RTO와 RPO를 확인하고 보고서를 내보내십시오.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>%1/%2단계: %3</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard. Greenlight never runs it.</source>
        <translation>명령을 클립보드에 복사합니다. 그린라이트는 명령을 실행하지 않습니다.</translation>
    </message>
    <message>
        <source>Command copied. Read it before you run it.</source>
        <translation>명령을 복사했습니다. 실행하기 전에 읽어 보십시오.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(over by %1)</source>
        <translation>(%1 초과)</translation>
    </message>
    <message>
        <source>Mark an incident</source>
        <translation>장애 표시</translation>
    </message>
    <message>
        <source>What went wrong? It is stamped %1 on the drill clock and listed as a deviation in the report.</source>
        <translation>무엇이 잘못되었습니까? 훈련 시계 %1 시점으로 기록되고 보고서에 편차로 나열됩니다.</translation>
    </message>
    <message>
        <source>Mark incident</source>
        <translation>장애 표시</translation>
    </message>
    <message>
        <source>End the drill</source>
        <translation>훈련 종료</translation>
    </message>
    <message>
        <source>End the drill now? Steps still open: %1.</source>
        <translation>지금 훈련을 종료하시겠습니까? 아직 열린 단계: %1.</translation>
    </message>
    <message>
        <source>End the drill now? The service was not marked restored, so the RTO is measured up to now. Steps still open: %1.</source>
        <translation>지금 훈련을 종료하시겠습니까? 서비스 복구를 표시하지 않았으므로 RTO는 지금까지로 측정됩니다. 아직 열린 단계: %1.</translation>
    </message>
    <message>
        <source>End drill</source>
        <translation>훈련 종료</translation>
    </message>
    <message>
        <source>DR drill report: %1</source>
        <translation>재해 복구 훈련 보고서: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1을(를) 쓰지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Report written to %1.pdf and .md</source>
        <translation>보고서를 %1.pdf와 .md에 썼습니다</translation>
    </message>
</context>
<context>
    <name>gl::ui::RunbooksView</name>
    <message>
        <source>Search runbooks: type a few words (e.g. database failover)</source>
        <translation>런북 검색: 단어 몇 개를 입력하십시오(예: database failover)</translation>
    </message>
    <message>
        <source>Search runbooks</source>
        <translation>런북 검색</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>Import the runbook source folders of this profile and the bundled samples into the local copy.</source>
        <translation>이 프로필의 런북 소스 폴더와 기본 제공 예제를 로컬 사본으로 가져옵니다.</translation>
    </message>
    <message>
        <source>Step through</source>
        <translation>단계별 진행</translation>
    </message>
    <message>
        <source>DR drill…</source>
        <translation>재해 복구 훈련…</translation>
    </message>
    <message>
        <source>Scenario, e.g. "Primary database host lost in zone A"</source>
        <translation>시나리오, 예: "영역 A의 기본 데이터베이스 호스트 유실"</translation>
    </message>
    <message>
        <source>Participants, separated by commas</source>
        <translation>참가자(쉼표로 구분)</translation>
    </message>
    <message>
        <source>RTO target (e.g. 15m)</source>
        <translation>RTO 목표(예: 15m)</translation>
    </message>
    <message>
        <source>RPO target (e.g. 1m)</source>
        <translation>RPO 목표(예: 1m)</translation>
    </message>
    <message>
        <source>Start the drill clock</source>
        <translation>훈련 시계 시작</translation>
    </message>
    <message>
        <source>Drill history</source>
        <translation>훈련 기록</translation>
    </message>
    <message>
        <source>The runbook library cannot be opened: %1</source>
        <translation>런북 라이브러리를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>동기화 실패: %1</translation>
    </message>
    <message>
        <source>Sync: %1 added, %2 changed, %3 removed.</source>
        <translation>동기화: 추가 %1, 변경 %2, 삭제 %3.</translation>
    </message>
    <message>
        <source>Source folder not available, its runbooks were kept: %1</source>
        <translation>소스 폴더를 사용할 수 없어 해당 런북을 유지했습니다: %1</translation>
    </message>
    <message>
        <source>In progress on their earlier version (notes kept): %1</source>
        <translation>이전 버전으로 진행 중(메모 유지): %1</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>RTO %1, RPO %2</source>
        <translation>RTO %1, RPO %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>사전 요구 사항</translation>
    </message>
    <message>
        <source>Resume step-through</source>
        <translation>단계별 진행 재개</translation>
    </message>
    <message>
        <source>%1 — %2 — RTO %3 (target %4)</source>
        <translation>%1 — %2 — RTO %3(목표 %4)</translation>
    </message>
    <message>
        <source>%1 — %2 — running</source>
        <translation>%1 — %2 — 진행 중</translation>
    </message>
    <message>
        <source>No drills yet.</source>
        <translation>아직 훈련이 없습니다.</translation>
    </message>
    <message>
        <source>A drill of this runbook was already running; it continues.</source>
        <translation>이 런북의 훈련이 이미 진행 중이어서 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>"%1" is not a duration; write it like 15m, 1h30m or 45s.</source>
        <translation>"%1"은(는) 기간이 아닙니다. 15m, 1h30m, 45s처럼 쓰십시오.</translation>
    </message>
    <message>
        <source>Sources…</source>
        <translation>소스…</translation>
    </message>
    <message>
        <source>The folders of runbooks this profile imports (for example a git checkout).</source>
        <translation>이 프로필이 가져오는 런북 폴더(예: git 체크아웃)입니다.</translation>
    </message>
    <message>
        <source>Syncing runbooks: %v of %m files</source>
        <translation>런북 동기화 중: 파일 %m개 중 %v개</translation>
    </message>
    <message>
        <source>The audit log of the runbooks cannot be opened, so drills are not recorded in it: %1</source>
        <translation>런북 감사 로그를 열 수 없어 훈련이 기록되지 않습니다: %1</translation>
    </message>
</context>
<context>
    <name>gl::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
    <message>
        <source>Secrets such as API tokens are never stored here: they live in the system keychain.</source>
        <translation>API 토큰 같은 비밀은 여기에 저장하지 않습니다. 시스템 키체인에 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>gl::ui::SliChart</name>
    <message>
        <source>new</source>
        <translation>새 버전</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>안정 버전</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>위반</translation>
    </message>
</context>
<context>
    <name>gl::ui::SliChartsView</name>
    <message>
        <source>&amp;Window:</source>
        <translation>윈도(&amp;W):</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5분</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15분</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6시간</translation>
    </message>
    <message>
        <source>No rollout</source>
        <translation>롤아웃 없음</translation>
    </message>
    <message>
        <source>Start a rollout to see the new version's error ratio, p99 latency and throughput beside the stable version's, live from Prometheus.</source>
        <translation>롤아웃을 시작하면 Prometheus에서 실시간으로 가져온 새 버전의 오류율, p99 지연 시간, 처리량을 안정 버전과 나란히 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1(새 버전)</translation>
    </message>
    <message>
        <source>%1 (new) against %2 (stable)</source>
        <translation>%1(새 버전) 대 %2(안정 버전)</translation>
    </message>
    <message>
        <source>Prometheus at %1 does not answer: %2. The charts show the last data received and catch up when it answers again.</source>
        <translation>%1의 Prometheus가 응답하지 않습니다: %2. 차트에는 마지막으로 받은 데이터가 표시되며, 다시 응답하면 최신 상태로 따라잡습니다.</translation>
    </message>
    <message>
        <source>%1 (limit %2 %3)</source>
        <translation>%1(한도 %2 %3)</translation>
    </message>
    <message>
        <source>%1 (stable)</source>
        <translation>%1(안정 버전)</translation>
    </message>
</context>
<context>
    <name>gl::ui::SlotsModel</name>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>보고 없음</translation>
    </message>
    <message>
        <source>up (no check)</source>
        <translation>가동(체크 없음)</translation>
    </message>
    <message>
        <source>down</source>
        <translation>다운</translation>
    </message>
    <message>
        <source>healthy (%1)</source>
        <translation>정상(%1)</translation>
    </message>
    <message>
        <source>failing (%1)</source>
        <translation>실패 중(%1)</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>대기열 %1개</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>슬롯</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>HAProxy state</source>
        <translation>HAProxy 상태</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>헬스 체크</translation>
    </message>
</context>
<context>
    <name>gl::ui::StartRolloutDialog</name>
    <message>
        <source>Start a rollout in %1</source>
        <translation>%1에서 롤아웃 시작</translation>
    </message>
    <message>
        <source>e.g. v2</source>
        <translation>예: v2</translation>
    </message>
    <message>
        <source>Canary: traffic in steps</source>
        <translation>카나리: 트래픽을 단계별로 전환</translation>
    </message>
    <message>
        <source>Blue-green: one switch</source>
        <translation>블루-그린: 한 번에 전환</translation>
    </message>
    <message>
        <source>Rolling: in place, slot by slot</source>
        <translation>롤링: 제자리에서 슬롯별로 교체</translation>
    </message>
    <message>
        <source>Recreate: every slot at once (downtime)</source>
        <translation>재생성: 모든 슬롯을 한 번에 교체(다운타임 발생)</translation>
    </message>
    <message>
        <source>Why (recorded with who and when)</source>
        <translation>사유(누가, 언제와 함께 기록됩니다)</translation>
    </message>
    <message>
        <source>I accept that the service is down while every slot is replaced</source>
        <translation>모든 슬롯을 교체하는 동안 서비스가 중단되는 것에 동의합니다</translation>
    </message>
    <message>
        <source>Serving now:</source>
        <translation>현재 서비스 중:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>버전(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>전략(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>Start rollout</source>
        <translation>롤아웃 시작</translation>
    </message>
    <message>
        <source>the new version</source>
        <translation>새 버전</translation>
    </message>
    <message>
        <source>%1 is deployed on idle slots, then gets traffic in steps; each step waits before the next. No downtime.</source>
        <translation>%1을(를) 유휴 슬롯에 배포한 뒤 트래픽을 단계별로 보냅니다. 각 단계는 다음 단계 전에 대기합니다. 다운타임이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is deployed on the whole idle colour, then all traffic switches at once; the old colour is kept for a while so rollback stays instant. No downtime.</source>
        <translation>%1을(를) 유휴 색 전체에 배포한 뒤 모든 트래픽을 한 번에 전환합니다. 이전 색은 한동안 유지되므로 즉시 롤백할 수 있습니다. 다운타임이 없습니다.</translation>
    </message>
    <message>
        <source>The serving slots are replaced with %1 a few at a time (drained first). No downtime.</source>
        <translation>서비스 중인 슬롯을 몇 개씩 %1(으)로 교체합니다(먼저 드레인). 다운타임이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Downtime:&lt;/b&gt; every serving slot is drained and replaced with %1 at once; requests fail until the new slots are healthy.</source>
        <translation>&lt;b&gt;다운타임:&lt;/b&gt; 서비스 중인 모든 슬롯을 드레인하고 한 번에 %1(으)로 교체합니다. 새 슬롯이 정상이 될 때까지 요청이 실패합니다.</translation>
    </message>
</context>
<context>
    <name>gl::ui::StepTimeline</name>
    <message>
        <source>%1 done</source>
        <translation>%1 완료</translation>
    </message>
    <message>
        <source>%1 current (actual %2)</source>
        <translation>%1 현재(실제 %2)</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 대기</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 건너뜀</translation>
    </message>
    <message>
        <source>actual %1</source>
        <translation>실제 %1</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>게이트</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>No traffic steps</source>
        <translation>트래픽 단계 없음</translation>
    </message>
</context>
<context>
    <name>gl::ui::TrafficSplitBar</name>
    <message>
        <source>No rollout</source>
        <translation>롤아웃 없음</translation>
    </message>
    <message>
        <source>Traffic split unknown (HAProxy not read yet); desired %1 on %2</source>
        <translation>트래픽 분배를 알 수 없음(HAProxy를 아직 읽지 않음). %2 목표 %1</translation>
    </message>
    <message>
        <source>%1 %2 · %3 %4 (desired %5)</source>
        <translation>%1 %2 · %3 %4(목표 %5)</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>안정 버전</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>gl::ui::VerdictHistoryModel</name>
    <message>
        <source>every rule passed</source>
        <translation>모든 규칙 통과</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>passing</source>
        <translation>통과 중</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>실패 중</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>판단 불가</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failure(s) counted</source>
        <translation>
            <numerusform>%1, 실패 %n회 집계</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
</context>
<context>
    <name>gl::EnvironmentChange</name>
    <message>
        <source>name changed to %1</source>
        <translation>이름이 %1(으)로 바뀜</translation>
    </message>
    <message>
        <source>HAProxy Runtime API changed to %1</source>
        <translation>HAProxy 런타임 API가 %1(으)로 바뀜</translation>
    </message>
    <message>
        <source>HAProxy backend changed to %1</source>
        <translation>HAProxy 백엔드가 %1(으)로 바뀜</translation>
    </message>
    <message>
        <source>state database changed to %1</source>
        <translation>상태 데이터베이스가 %1(으)로 바뀜</translation>
    </message>
    <message>
        <source>slot %1 added</source>
        <translation>슬롯 %1 추가됨</translation>
    </message>
    <message>
        <source>slot %1 removed</source>
        <translation>슬롯 %1 제거됨</translation>
    </message>
    <message>
        <source>slot %1 changed</source>
        <translation>슬롯 %1 변경됨</translation>
    </message>
    <message>
        <source>Prometheus URL changed to %1</source>
        <translation>Prometheus URL이 %1(으)로 바뀜</translation>
    </message>
    <message>
        <source>deploy hook changed</source>
        <translation>배포 훅 변경됨</translation>
    </message>
    <message>
        <source>undeploy hook changed</source>
        <translation>배포 해제 훅 변경됨</translation>
    </message>
    <message>
        <source>strategies changed</source>
        <translation>전략 변경됨</translation>
    </message>
    <message>
        <source>analysis section added</source>
        <translation>분석 섹션 추가됨</translation>
    </message>
    <message>
        <source>analysis section removed</source>
        <translation>분석 섹션 제거됨</translation>
    </message>
    <message>
        <source>analysis settings changed</source>
        <translation>분석 설정 변경됨</translation>
    </message>
    <message>
        <source>SLI %1 added</source>
        <translation>SLI %1 추가됨</translation>
    </message>
    <message>
        <source>SLI %1 removed</source>
        <translation>SLI %1 제거됨</translation>
    </message>
    <message>
        <source>SLI %1 changed</source>
        <translation>SLI %1 변경됨</translation>
    </message>
    <message>
        <source>analysis rule %1 added</source>
        <translation>분석 규칙 %1 추가됨</translation>
    </message>
    <message>
        <source>analysis rule %1 removed</source>
        <translation>분석 규칙 %1 제거됨</translation>
    </message>
    <message>
        <source>analysis rule %1 changed</source>
        <translation>분석 규칙 %1 변경됨</translation>
    </message>
    <message>
        <source>approver %1 added</source>
        <translation>승인자 %1 추가됨</translation>
    </message>
    <message>
        <source>approver %1 removed</source>
        <translation>승인자 %1 제거됨</translation>
    </message>
    <message>
        <source>approver %1 changed</source>
        <translation>승인자 %1 변경됨</translation>
    </message>
    <message>
        <source>gate %1 added</source>
        <translation>게이트 %1 추가됨</translation>
    </message>
    <message>
        <source>gate %1 removed</source>
        <translation>게이트 %1 제거됨</translation>
    </message>
    <message>
        <source>gate %1 changed</source>
        <translation>게이트 %1 변경됨</translation>
    </message>
    <message>
        <source>change windows changed</source>
        <translation>변경 허용 시간대 변경됨</translation>
    </message>
    <message>
        <source>freeze %1 added</source>
        <translation>동결 기간 %1 추가됨</translation>
    </message>
    <message>
        <source>freeze %1 removed</source>
        <translation>동결 기간 %1 제거됨</translation>
    </message>
    <message>
        <source>freeze %1 changed</source>
        <translation>동결 기간 %1 변경됨</translation>
    </message>
    <message>
        <source>rollback runbook removed</source>
        <translation>롤백 런북 제거됨</translation>
    </message>
    <message>
        <source>rollback runbook changed to %1</source>
        <translation>롤백 런북이 %1(으)로 바뀜</translation>
    </message>
</context>
<context>
    <name>gl::EnvironmentWatcher</name>
    <message>
        <source>%1: the environment file is gone; the last good configuration stays in force</source>
        <translation>%1: 환경 파일이 없어졌습니다. 마지막으로 올바르던 구성이 계속 적용됩니다</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1: 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1: cannot read the environment file: %2</source>
        <translation>%1: 환경 파일을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 bytes: not an environment file</source>
        <translation>%1: %2바이트보다 큽니다. 환경 파일이 아닙니다</translation>
    </message>
</context>
<context>
    <name>gl::ui::EnvironmentWatchController</name>
    <message>
        <source>%1 changed: %2.</source>
        <translation>%1 변경됨: %2.</translation>
    </message>
    <message>
        <source>A new name, state database, HAProxy Runtime API or backend takes effect only when the environment is reopened (File &gt; Close Environment, then open it again); until then %1 keeps the ones it was opened with.</source>
        <translation>새 이름, 상태 데이터베이스, HAProxy 런타임 API 또는 백엔드는 환경을 다시 열어야 적용됩니다(파일 &gt; 환경 닫기 후 다시 열기). 그때까지 %1은(는) 열 때의 값을 그대로 씁니다.</translation>
    </message>
    <message>
        <source>The rollout under way keeps its slots and hooks; the next rollout uses the new ones.</source>
        <translation>진행 중인 롤아웃은 기존 슬롯과 훅을 그대로 쓰고, 다음 롤아웃부터 새 값을 씁니다.</translation>
    </message>
    <message>
        <source>%1 was not applied: %2. The last good configuration stays in force everywhere.</source>
        <translation>%1을(를) 적용하지 않았습니다: %2. 마지막으로 올바르던 구성이 모든 곳에서 계속 적용됩니다.</translation>
    </message>
</context>
</TS>
