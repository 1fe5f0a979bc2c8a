TEXT main.main (./test.go:1)  size=125 frame=16 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 53 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:10
    001a  48 8d 1c 24                    lea rbx, [rsp]
    001e  49 c7 c4 0a 00 00 00           mov r12, 10
    0025  4c 89 23                       mov qword ptr [rbx], r12
    0028  e8 00 00 00 00                 call main.sum
    002d  48 8d 5c 24 08                 lea rbx, [rsp + 8]
    0032  48 8b 1b                       mov rbx, qword ptr [rbx]
    0035  48 89 df                       mov rdi, rbx
    0038  e8 00 00 00 00                 call test_record
    ; ./test.go:11
    003d  48 8d 1c 24                    lea rbx, [rsp]
    0041  49 c7 c4 fd ff ff ff           mov r12, -3
    0048  4c 89 23                       mov qword ptr [rbx], r12
    004b  e8 00 00 00 00                 call main.sum
    0050  48 8d 5c 24 08                 lea rbx, [rsp + 8]
    0055  48 8b 1b                       mov rbx, qword ptr [rbx]
    0058  48 89 df                       mov rdi, rbx
    005b  e8 00 00 00 00                 call test_record
    0060  48 89 ec                       mov rsp, rbp
    0063  5d                             pop rbp
    0064  c3                             ret
.L2:
    ; ./test.go:1
    0065  49 c7 c2 18 00 00 00           mov r10, 24
    006c  49 c7 c3 00 00 00 00           mov r11, 0
    0073  e8 00 00 00 00                 call g1c_morestack
    0078  e9 83 ff ff ff                 jmp .L1

TEXT main.sum (./test.go:1)  size=133 frame=16 args=16
.L4:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 5b 00 00 00              jb .L5
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:2
    001a  48 8d 5d f8                    lea rbx, [rbp - 8]
    001e  4c 8d 65 f0                    lea r12, [rbp - 16]
    0022  45 31 ed                       xor r13d, r13d
    0025  4d 89 2c 24                    mov qword ptr [r12], r13
    ; ./test.go:3
    0029  4c 89 2b                       mov qword ptr [rbx], r13
.L1:
    002c  4c 8b 2b                       mov r13, qword ptr [rbx]
    002f  4c 8d 75 10                    lea r14, [rbp + 16]
    0033  4d 8b 36                       mov r14, qword ptr [r14]
    0036  4d 39 f5                       cmp r13, r14
    0039  0f 8d 1d 00 00 00              jge .L3
.L2:
    ; ./test.go:4
    003f  4d 8b 2c 24                    mov r13, qword ptr [r12]
    0043  4c 8b 33                       mov r14, qword ptr [rbx]
    0046  4d 01 f5                       add r13, r14
    0049  4d 89 2c 24                    mov qword ptr [r12], r13
    ; ./test.go:3
    004d  4d 89 f5                       mov r13, r14
    0050  49 83 c5 01                    add r13, 1
    0054  4c 89 2b                       mov qword ptr [rbx], r13
    0057  e9 d0 ff ff ff                 jmp .L1
.L3:
    ; ./test.go:6
    005c  49 8b 1c 24                    mov rbx, qword ptr [r12]
    0060  4c 8d 65 18                    lea r12, [rbp + 24]
    0064  49 89 1c 24                    mov qword ptr [r12], rbx
    0068  48 89 ec                       mov rsp, rbp
    006b  5d                             pop rbp
    006c  c3                             ret
.L5:
    ; ./test.go:1
    006d  49 c7 c2 18 00 00 00           mov r10, 24
    0074  49 c7 c3 10 00 00 00           mov r11, 16
    007b  e8 00 00 00 00                 call g1c_morestack
    0080  e9 7b ff ff ff                 jmp .L4

