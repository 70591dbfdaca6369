#!/bin/bash
# A real lost segment: two namespaces joined by veth, nftables drops the first 400-byte data segment
# at the server's input; tcpdump at the client's end sees the original and its retransmission.
set -e
OUT=$1
C=wt-flights-lost-c; S=wt-flights-lost-s
ip netns del $C 2>/dev/null || true; ip netns del $S 2>/dev/null || true
ip netns add $C; ip netns add $S
ip link add wtfl0c netns $C type veth peer name wtfl0s netns $S
ip -n $C addr add 10.78.0.1/24 dev wtfl0c; ip -n $S addr add 10.78.0.2/24 dev wtfl0s
ip -n $C link set wtfl0c up; ip -n $S link set wtfl0s up; ip -n $C link set lo up; ip -n $S link set lo up
ip netns exec $S nft add table inet wtfl
ip netns exec $S nft add chain inet wtfl input '{ type filter hook input priority 0; }'
ip netns exec $S nft add rule inet wtfl input tcp dport 9000 ip length gt 300 quota until 500 bytes drop
ip netns exec $S /usr/bin/python3 -c "
import socket
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR,1); s.bind(('10.78.0.2',9000)); s.listen(1); s.settimeout(20)
c,_=s.accept()
while c.recv(65536): pass
c.sendall(b'bye'); c.close()" &
SRV=$!
sleep 0.5
ip netns exec $C tcpdump -Z root -i wtfl0c -w $OUT -U --immediate-mode tcp port 9000 2>/tmp/wt-flights/td.err &
TD=$!
sleep 1
ip netns exec $C /usr/bin/python3 -c "
import socket, time
c=socket.create_connection(('10.78.0.2',9000),timeout=10)
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
for i in range(6):
    c.sendall(bytes([65+i])*400); time.sleep(0.002)
c.shutdown(socket.SHUT_WR)
assert c.recv(16)==b'bye'
c.close(); time.sleep(0.3)"
wait $SRV
sleep 0.5
sleep 1.5; kill $TD; wait $TD 2>/dev/null || true
ip netns del $C; ip netns del $S
