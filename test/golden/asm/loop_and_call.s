TEXT main.main (./test.go:1)  size=127 frame=16 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 53 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:10
    001c  48 8d 1c 24                    lea rbx, [rsp]
    0020  49 c7 c4 0a 00 00 00           mov r12, 10
    0027  4c 89 23                       mov qword ptr [rbx], r12
    002a  e8 00 00 00 00                 call main.sum
    002f  48 8d 5c 24 08                 lea rbx, [rsp + 8]
    0034  48 8b 1b                       mov rbx, qword ptr [rbx]
    0037  48 89 df                       mov rdi, rbx
    003a  e8 00 00 00 00                 call test_record
    ; ./test.go:11
    003f  48 8d 1c 24                    lea rbx, [rsp]
    0043  49 c7 c4 fd ff ff ff           mov r12, -3
    004a  4c 89 23                       mov qword ptr [rbx], r12
    004d  e8 00 00 00 00                 call main.sum
    0052  48 8d 5c 24 08                 lea rbx, [rsp + 8]
    0057  48 8b 1b                       mov rbx, qword ptr [rbx]
    005a  48 89 df                       mov rdi, rbx
    005d  e8 00 00 00 00                 call test_record
    0062  48 89 ec                       mov rsp, rbp
    0065  5d                             pop rbp
    0066  c3                             ret
.L2:
    ; ./test.go:1
    0067  49 c7 c2 18 00 00 00           mov r10, 24
    006e  49 c7 c3 00 00 00 00           mov r11, 0
    0075  e8 00 00 00 00                 call g1c_morestack
    007a  e9 81 ff ff ff                 jmp .L1

TEXT main.sum (./test.go:1)  size=160 frame=16 args=16
.L4:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 74 00 00 00              jb .L5
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:2
    001c  48 8d 5d f8                    lea rbx, [rbp - 8]
    0020  4c 8d 65 f0                    lea r12, [rbp - 16]
    0024  45 31 ed                       xor r13d, r13d
    0027  4d 89 2c 24                    mov qword ptr [r12], r13
    ; ./test.go:3
    002b  4c 89 2b                       mov qword ptr [rbx], r13
.L1:
    002e  64 48 3b 24 25 70 00 00 00     cmp rsp, qword ptr fs:[112]
    0037  0f 82 41 00 00 00              jb .L6
.L7:
    003d  4c 8b 2b                       mov r13, qword ptr [rbx]
    0040  4c 8d 75 10                    lea r14, [rbp + 16]
    0044  4d 8b 36                       mov r14, qword ptr [r14]
    0047  4d 39 f5                       cmp r13, r14
    004a  0f 8d 1d 00 00 00              jge .L3
.L2:
    ; ./test.go:4
    0050  4d 8b 2c 24                    mov r13, qword ptr [r12]
    0054  4c 8b 33                       mov r14, qword ptr [rbx]
    0057  4d 01 f5                       add r13, r14
    005a  4d 89 2c 24                    mov qword ptr [r12], r13
    ; ./test.go:3
    005e  4d 89 f5                       mov r13, r14
    0061  49 83 c5 01                    add r13, 1
    0065  4c 89 2b                       mov qword ptr [rbx], r13
    0068  e9 c1 ff ff ff                 jmp .L1
.L3:
    ; ./test.go:6
    006d  49 8b 1c 24                    mov rbx, qword ptr [r12]
    0071  4c 8d 65 18                    lea r12, [rbp + 24]
    0075  49 89 1c 24                    mov qword ptr [r12], rbx
    0079  48 89 ec                       mov rsp, rbp
    007c  5d                             pop rbp
    007d  c3                             ret
.L6:
    ; ./test.go:1
    007e  e8 00 00 00 00                 call g1c_backedge_preempt
    0083  e9 b5 ff ff ff                 jmp .L7
.L5:
    0088  49 c7 c2 18 00 00 00           mov r10, 24
    008f  49 c7 c3 10 00 00 00           mov r11, 16
    0096  e8 00 00 00 00                 call g1c_morestack
    009b  e9 60 ff ff ff                 jmp .L4

