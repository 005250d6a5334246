<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>gl</name>
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
        <source>&quot;%1&quot; is not a step percentage</source>
        <translation>&quot;%1&quot;은(는) 단계 백분율이 아닙니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a pause is none, gate, analysis or a duration such as 30s</source>
        <translation>&quot;%1&quot;: 일시 정지는 none, gate, analysis 또는 30s 같은 기간이어야 합니다</translation>
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
        <source>Could not open %1.</source>
        <translation>%1을(를) 열지 못했습니다.</translation>
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
        <source>deploy %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undeploy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait until %1 pass the health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait until %1 have no session and no queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enable %1 with weight 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put %1 in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give %1 traffic again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
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
        <source>expected an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation>http:// 또는 https:// URL이 와야 하는데 &quot;%1&quot;입니다</translation>
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
        <source>expected an absolute UNIX socket path or host:port, got &quot;%1&quot;</source>
        <translation>절대 경로의 UNIX 소켓 또는 host:port가 와야 하는데 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <source>not a valid HAProxy backend name: &quot;%1&quot;</source>
        <translation>올바른 HAProxy 백엔드 이름이 아닙니다: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a non-empty list of server slots</source>
        <translation>비어 있지 않은 서버 슬롯 목록이 와야 합니다</translation>
    </message>
    <message>
        <source>not a valid HAProxy server name: &quot;%1&quot;</source>
        <translation>올바른 HAProxy 서버 이름이 아닙니다: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>duplicate slot name &quot;%1&quot;</source>
        <translation>중복된 슬롯 이름 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a third colour &quot;%1&quot;: an environment has exactly two (%2, %3)</source>
        <translation>세 번째 색 &quot;%1&quot;: 환경에는 색이 정확히 두 개(%2, %3) 있어야 합니다</translation>
    </message>
    <message>
        <source>expected host:port with a port from 1 to 65535, got &quot;%1&quot;</source>
        <translation>포트가 1에서 65535 사이인 host:port가 와야 하는데 &quot;%1&quot;입니다</translation>
    </message>
    <message>
        <source>only one colour (&quot;%1&quot;): an environment has exactly two</source>
        <translation>색이 하나뿐입니다(&quot;%1&quot;): 환경에는 색이 정확히 두 개 있어야 합니다</translation>
    </message>
    <message>
        <source>%1: cannot read the environment file: %2</source>
        <translation>%1: 환경 파일을 읽을 수 없습니다: %2</translation>
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
        <source>field &apos;%1&apos; is not a number: &apos;%2&apos;</source>
        <translation>필드 &apos;%1&apos;이(가) 숫자가 아닙니다: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>missing header line &quot;# pxname,svname,...&quot;</source>
        <translation>머리글 줄 &quot;# pxname,svname,...&quot;이 없습니다</translation>
    </message>
    <message>
        <source>header has no column &apos;%1&apos;</source>
        <translation>머리글에 &apos;%1&apos; 열이 없습니다</translation>
    </message>
    <message>
        <source>expected %1 fields, got %2</source>
        <translation>필드가 %1개여야 하는데 %2개입니다</translation>
    </message>
    <message>
        <source>field &apos;type&apos; has an unknown value: &apos;%1&apos;</source>
        <translation>필드 &apos;type&apos;의 값을 알 수 없습니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected the format version &quot;1&quot;, got &apos;%1&apos;</source>
        <translation>형식 버전 &quot;1&quot;이 와야 하는데 &apos;%1&apos;입니다</translation>
    </message>
    <message>
        <source>missing header line &quot;# be_id be_name ...&quot;</source>
        <translation>머리글 줄 &quot;# be_id be_name ...&quot;이 없습니다</translation>
    </message>
    <message>
        <source>field &apos;srv_op_state&apos; has an unknown value: &apos;%1&apos;</source>
        <translation>필드 &apos;srv_op_state&apos;의 값을 알 수 없습니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected &quot;Name: value&quot;</source>
        <translation>&quot;이름: 값&quot; 형식이어야 합니다</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; is missing</source>
        <translation>%1: 필드 &apos;%2&apos;이(가) 없습니다</translation>
    </message>
</context>
<context>
    <name>gl::HaproxyRuntimeClient</name>
    <message>
        <source>Invalid HAProxy backend name: &apos;%1&apos;</source>
        <translation>잘못된 HAProxy 백엔드 이름: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Invalid HAProxy server name: &apos;%1&apos;</source>
        <translation>잘못된 HAProxy 서버 이름: &apos;%1&apos;</translation>
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
        <source>An HAProxy command may not contain &apos;;&apos; or a line break: &apos;%1&apos;</source>
        <translation>HAProxy 명령에는 &apos;;&apos;나 줄바꿈이 들어갈 수 없습니다: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>HAProxy&apos;s reply was cut off; the changes may have been applied in part</source>
        <translation>HAProxy의 응답이 중간에 끊겼습니다. 변경이 일부만 적용되었을 수 있습니다</translation>
    </message>
    <message>
        <source>Unexpected reply from HAProxy</source>
        <translation>HAProxy에서 예상하지 못한 응답이 왔습니다</translation>
    </message>
    <message>
        <source>HAProxy refused &apos;%1&apos;: %2</source>
        <translation>HAProxy가 &apos;%1&apos;을(를) 거부했습니다: %2</translation>
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
        <source>Invalid HAProxy Runtime API address &apos;%1&apos;: expected a socket path or host:port</source>
        <translation>잘못된 HAProxy 런타임 API 주소 &apos;%1&apos;: 소켓 경로나 host:port여야 합니다</translation>
    </message>
</context>
<context>
    <name>gl::Parser</name>
    <message>
        <source>unexpected YAML structure: %1</source>
        <translation>예상하지 못한 YAML 구조: %1</translation>
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
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation>올바른 UTF-8이 아닙니다</translation>
    </message>
    <message>
        <source>missing: the file must start with a &apos;---&apos; line followed by YAML (id, title, ...) and a closing &apos;---&apos; line</source>
        <translation>없음: 파일은 &apos;---&apos; 줄로 시작하고, 이어서 YAML(id, title, ...)과 닫는 &apos;---&apos; 줄이 와야 합니다</translation>
    </message>
    <message>
        <source>not closed: add a &apos;---&apos; line after the YAML</source>
        <translation>닫히지 않음: YAML 다음에 &apos;---&apos; 줄을 추가하십시오</translation>
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
        <source>use lowercase letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (got &quot;%1&quot;)</source>
        <translation>영문 소문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;만 쓰십시오(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>텍스트가 와야 합니다</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>목록이 와야 합니다</translation>
    </message>
    <message>
        <source>expected a duration such as 15m, 1h30m or 45s (got &quot;%1&quot;)</source>
        <translation>15m, 1h30m, 45s 같은 기간이 와야 합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>a code block is not closed</source>
        <translation>코드 블록이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>no steps: write each step as a second-level heading (&quot;## Drain the node&quot;)</source>
        <translation>단계가 없습니다: 각 단계를 2단계 제목으로 쓰십시오(&quot;## 노드 드레인&quot;)</translation>
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
        <source>expected a duration such as 5m or 90s (got &quot;%1&quot;)</source>
        <translation>5m, 90s 같은 기간이 와야 합니다(입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>missing: add a line such as &quot;Expected: 5m&quot;</source>
        <translation>없음: &quot;Expected: 5m&quot; 같은 줄을 추가하십시오</translation>
    </message>
    <message>
        <source>missing: add a &quot;Verify:&quot; paragraph saying how to tell the step worked</source>
        <translation>없음: 단계가 성공했는지 확인하는 방법을 적은 &quot;Verify:&quot; 문단을 추가하십시오</translation>
    </message>
    <message>
        <source>missing: add an &quot;Undo:&quot; paragraph (write &quot;Undo: nothing to undo&quot; for a read-only step)</source>
        <translation>없음: &quot;Undo:&quot; 문단을 추가하십시오(읽기만 하는 단계라면 &quot;Undo: nothing to undo&quot;라고 쓰십시오)</translation>
    </message>
</context>
<context>
    <name>gl::PlanContext</name>
    <message>
        <source>The stored rollout plan is damaged.</source>
        <translation type="unfinished"></translation>
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
    <name>gl::RolloutPlanner</name>
    <message>
        <source>No slot serves traffic: there is no stable colour to start from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 colour has no slot for the canary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1: 100 % to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1: %2 % to %3 (weights %4 new, %5 stable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1: pause (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep %1 running for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 colour has no slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch all traffic to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep %1 running for %2 (rollback is instant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rolling deployment needs at least 2 serving slots (one keeps serving); use blue-green.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all traffic back to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give %1 traffic again (still %2)</source>
        <translation type="unfinished"></translation>
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
    <name>gl::RunbookLibrary</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;, already imported from %2; this file was skipped</source>
        <translation>중복된 id &quot;%1&quot;: 이미 %2에서 가져왔으므로 이 파일은 건너뛰었습니다</translation>
    </message>
    <message>
        <source>There is no runbook &quot;%1&quot; in the library.</source>
        <translation>라이브러리에 런북 &quot;%1&quot;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The library has no version %1 of runbook &quot;%2&quot;.</source>
        <translation>라이브러리에 런북 &quot;%2&quot;의 버전 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The stored copy of runbook &quot;%1&quot; no longer parses.</source>
        <translation>저장된 런북 &quot;%1&quot; 사본을 더 이상 해석할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::RunbookSession</name>
    <message>
        <source>There is no step-through %1 to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such checklist item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step-through is already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step is marked done, skipped or failed.</source>
        <translation type="unfinished"></translation>
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
    <name>gl::StrategiesReader</name>
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
    <name>gl::StrategyConfig</name>
    <message>
        <source>unknown strategy in a stored rollout</source>
        <translation>저장된 롤아웃의 전략을 알 수 없습니다</translation>
    </message>
</context>
<context>
    <name>gl::cli</name>
    <message>
        <source>Usage: greenlightctl &lt;command&gt; [options]</source>
        <translation>사용법: greenlightctl &lt;명령&gt; [옵션]</translation>
    </message>
    <message>
        <source>Greenlight&apos;s command line: the same core as the console, for scripts and CI gates.</source>
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
        <source>Show help (after a command: that command&apos;s help).</source>
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
        <source>Show this command&apos;s help.</source>
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
        <translation>파일</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>결과를 JSON으로 출력합니다.</translation>
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
        <source>HAProxy&apos;s Runtime API does not answer (%1): traffic cannot be changed from here.</source>
        <translation>HAProxy 런타임 API가 응답하지 않습니다(%1). 여기서 트래픽을 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Prometheus does not answer (%1): no SLI analysis is possible.</source>
        <translation>Prometheus가 응답하지 않습니다(%1). SLI 분석을 할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>gl::ui::Prompter</name>
    <message>
        <source>Reason (required)</source>
        <translation>사유(필수)</translation>
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
</TS>
