TEXT main.main (./test.go:1)  size=115 frame=16 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 47 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:10
    001c  48 c7 c3 0a 00 00 00           mov rbx, 10
    0023  48 89 1c 24                    mov qword ptr [rsp], rbx
    0027  e8 00 00 00 00                 call main.sum
    002c  48 8b 5c 24 08                 mov rbx, qword ptr [rsp + 8]
    0031  48 89 df                       mov rdi, rbx
    0034  e8 00 00 00 00                 call test_record
    ; ./test.go:11
    0039  48 c7 c3 fd ff ff ff           mov rbx, -3
    0040  48 89 1c 24                    mov qword ptr [rsp], rbx
    0044  e8 00 00 00 00                 call main.sum
    0049  48 8b 5c 24 08                 mov rbx, qword ptr [rsp + 8]
    004e  48 89 df                       mov rdi, rbx
    0051  e8 00 00 00 00                 call test_record
    0056  48 89 ec                       mov rsp, rbp
    0059  5d                             pop rbp
    005a  c3                             ret
.L2:
    ; ./test.go:1
    005b  49 c7 c2 18 00 00 00           mov r10, 24
    0062  49 c7 c3 00 00 00 00           mov r11, 0
    0069  e8 00 00 00 00                 call g1c_morestack
    006e  e9 8d ff ff ff                 jmp .L1

TEXT main.sum (./test.go:1)  size=148 frame=16 args=16
.L4:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 68 00 00 00              jb .L5
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
    0018  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:2
    001c  31 db                          xor ebx, ebx
    001e  48 89 5d f0                    mov qword ptr [rbp - 16], rbx
    ; ./test.go:3
    0022  48 89 5d f8                    mov qword ptr [rbp - 8], rbx
.L1:
    0026  64 48 3b 24 25 70 00 00 00     cmp rsp, qword ptr fs:[112]
    002f  0f 82 3d 00 00 00              jb .L6
.L7:
    0035  48 8b 5d f8                    mov rbx, qword ptr [rbp - 8]
    0039  4c 8b 65 10                    mov r12, qword ptr [rbp + 16]
    003d  4c 39 e3                       cmp rbx, r12
    0040  0f 8d 1f 00 00 00              jge .L3
.L2:
    ; ./test.go:4
    0046  48 8b 5d f0                    mov rbx, qword ptr [rbp - 16]
    004a  4c 8b 65 f8                    mov r12, qword ptr [rbp - 8]
    004e  4c 01 e3                       add rbx, r12
    0051  48 89 5d f0                    mov qword ptr [rbp - 16], rbx
    ; ./test.go:3
    0055  4c 89 e3                       mov rbx, r12
    0058  48 83 c3 01                    add rbx, 1
    005c  48 89 5d f8                    mov qword ptr [rbp - 8], rbx
    0060  e9 c1 ff ff ff                 jmp .L1
.L3:
    ; ./test.go:6
    0065  48 8b 5d f0                    mov rbx, qword ptr [rbp - 16]
    0069  48 89 5d 18                    mov qword ptr [rbp + 24], rbx
    006d  48 89 ec                       mov rsp, rbp
    0070  5d                             pop rbp
    0071  c3                             ret
.L6:
    ; ./test.go:1
    0072  e8 00 00 00 00                 call g1c_backedge_preempt
    0077  e9 b9 ff ff ff                 jmp .L7
.L5:
    007c  49 c7 c2 18 00 00 00           mov r10, 24
    0083  49 c7 c3 10 00 00 00           mov r11, 16
    008a  e8 00 00 00 00                 call g1c_morestack
    008f  e9 6c ff ff ff                 jmp .L4

